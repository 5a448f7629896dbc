/* Sockets: all of it is Erlang (src/echo.erl) over gen_tcp and gen_udp,
 * which CONFIG_GLUON_SOCKETS maps onto zsock_*. The loopback interface
 * has 127.0.0.1 once the network stack is up. */
int main(void)
{
	return 0;
}
