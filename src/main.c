/* main.c - sets up the locale, then hands over to the command line. */
#include <langinfo.h>
#include <locale.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "cxmeet/cli.h"
#include "cxmeet/text.h"

int main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
	/* Names are UTF-8 whatever the locale says; width and case need a UTF-8
	 * LC_CTYPE. What the user's locale said is kept: drawings made of more
	 * than ASCII (a trend's blocks) fall back to ASCII without it. */
	bool utf8 = strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
	text_locale_set_utf8(utf8);
	if (!utf8)
		setlocale(LC_CTYPE, "C.UTF-8");
	return cli_main(argc, argv);
}
