/* main.c - sets up the locale, then hands over to the command line. */
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "cxmeet/cli.h"

int main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
	/* Names are UTF-8 whatever the locale says; width and case need a UTF-8 LC_CTYPE. */
	if (strcmp(nl_langinfo(CODESET), "UTF-8") != 0)
		setlocale(LC_CTYPE, "C.UTF-8");
	return cli_main(argc, argv);
}
