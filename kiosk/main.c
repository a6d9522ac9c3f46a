/* main.c - composition root of linli-kiosk (filled in by the CLI work). */
#include <stdio.h>

int main(void)
{
    puts("linli-kiosk " LINLI_VERSION);
    return 0;
}
