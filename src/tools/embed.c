/* embed.c - build-time helper: writes a data file as a C string constant, so
 * the defaults under data/ travel inside the cxmeet binary.
 * Usage: embed SYMBOL INPUT OUTPUT */
#include <stdio.h>

int main(int argc, char **argv)
{
	if (argc != 4) {
		fprintf(stderr, "usage: embed SYMBOL INPUT OUTPUT\n");
		return 2;
	}
	FILE *in = fopen(argv[2], "rb");
	FILE *out = fopen(argv[3], "w");
	if (!in || !out) {
		perror("embed");
		return 1;
	}
	fprintf(out, "/* generated from %s */\nconst char %s[] = {", argv[2], argv[1]);
	int c;
	unsigned long n = 0;
	while ((c = fgetc(in)) != EOF)
		fprintf(out, "%s0x%02x,", n++ % 16 ? "" : "\n\t", (unsigned)c);
	fprintf(out, "\n\t0x00\n};\n");
	fclose(in);
	return fclose(out) == 0 ? 0 : 1;
}
