/* The Erlang program runs in Gluon's own thread (CONFIG_GLUON_AUTOSTART);
 * main has nothing else to do. */
#include <zephyr/kernel.h>

int main(void)
{
	printk("hello: Erlang runs in the gluon thread\n");
	return 0;
}
