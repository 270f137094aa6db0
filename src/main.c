/* main.c - sets up the locale and the clock, then hands over to the command line. */
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "cxmeet/cli.h"
#include "cxmeet/dates.h"
#include "cxmeet/util.h"

int main(int argc, char **argv)
{
	char err[256];
	setlocale(LC_ALL, "");
	/* Names are UTF-8 whatever the locale says; width and case need a UTF-8 LC_CTYPE. */
	if (strcmp(nl_langinfo(CODESET), "UTF-8") != 0)
		setlocale(LC_CTYPE, "C.UTF-8");
	if (clock_init(err, sizeof err) != 0) {
		cli_report("%s", err);
		return EXIT_USAGE;
	}
	return cli_main(argc, argv);
}
