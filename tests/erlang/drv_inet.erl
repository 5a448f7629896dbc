%% inet helpers: address formatting and parsing, socket options.
-module(drv_inet).
-export([start/0]).

start() ->
    [io:format("ntoa ~s~n", [inet:ntoa(A)])
     || A <- [{127, 0, 0, 1}, {10, 20, 30, 40}, {0, 0, 0, 0, 0, 0, 0, 1},
              {0, 0, 0, 0, 0, 0, 0, 0}, {16#2001, 16#db8, 0, 0, 1, 0, 0, 1},
              {16#fe80, 0, 0, 0, 16#abc, 0, 0, 16#ff}, {1, 0, 2, 0, 3, 0, 4, 0}]],
    [io:format("parse ~p~n", [inet:parse_address(S)])
     || S <- ["192.168.1.200", "256.1.1.1", "a.b.c.d", "1.2.3.4.5"]],
    {ok, L} = gen_tcp:listen(0, [binary, {active, once}, {packet, 4}, {ip, {127, 0, 0, 1}}]),
    io:format("getopts ~p~n", [inet:getopts(L, [active, packet, mode])]),
    ok = inet:setopts(L, [list, {packet, raw}, {active, false}]),
    io:format("getopts ~p~n", [inet:getopts(L, [mode, packet, active])]),
    {ok, {IP, Port}} = inet:sockname(L),
    {ok, Port} = inet:port(L),
    io:format("sockname ~p ~p~n", [IP, is_integer(Port) andalso Port > 0]),
    io:format("peername of listener ~p~n", [inet:peername(L)]),
    ok = gen_tcp:close(L).
