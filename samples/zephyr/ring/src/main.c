/* The Erlang program runs in Gluon's own thread (CONFIG_GLUON_AUTOSTART). */
#include <zephyr/kernel.h>

int main(void)
{
	return 0;
}
