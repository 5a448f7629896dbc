/* Blinky: all of it is Erlang (src/blinky.erl) over the gpio module,
 * which CONFIG_GLUON_GPIO maps onto the devicetree's led0. */
int main(void)
{
	return 0;
}
