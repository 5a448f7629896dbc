%% gen_udp on loopback: passive recv with the sender's address, active
%% messages, {active, once}, list and binary modes, timeouts.
-module(drv_udp).
-export([start/0]).

start() ->
    {ok, A} = gen_udp:open(0, [binary, {active, false}, {ip, {127, 0, 0, 1}}]),
    {ok, B} = gen_udp:open(0, [list, {active, false}, {ip, {127, 0, 0, 1}}]),
    true = is_port(A),
    {ok, PA} = inet:port(A),
    {ok, PB} = inet:port(B),
    ok = gen_udp:send(A, {127, 0, 0, 1}, PB, <<"hello">>),
    {ok, {IP, From, Data}} = gen_udp:recv(B, 0, 5000),
    io:format("passive ~p ~p ~p~n", [IP, From =:= PA, Data]),
    ok = gen_udp:send(B, {127, 0, 0, 1}, PA, ["re", <<"ply">>]),
    {ok, {_, _, Reply}} = gen_udp:recv(A, 0, 5000),
    io:format("reply ~p~n", [Reply]),
    io:format("timeout ~p~n", [gen_udp:recv(A, 0, 30)]),
    ok = inet:setopts(B, [{active, true}]),
    ok = gen_udp:send(A, {127, 0, 0, 1}, PB, <<"one">>),
    receive {udp, B, IP1, P1, D1} -> io:format("active ~p ~p ~p~n", [IP1, P1 =:= PA, D1])
    after 5000 -> io:format("no message~n") end,
    ok = inet:setopts(B, [{active, once}, binary]),
    ok = gen_udp:send(A, {127, 0, 0, 1}, PB, <<"two">>),
    receive {udp, B, _, _, D2} -> io:format("once ~p~n", [D2])
    after 5000 -> io:format("no message~n") end,
    ok = gen_udp:send(A, {127, 0, 0, 1}, PB, <<"three">>),
    receive {udp, B, _, _, _} -> io:format("unexpected~n") after 100 -> ok end,
    io:format("passive again ~p~n", [element(3, element(2, gen_udp:recv(B, 0, 5000)))]),
    ok = gen_udp:close(A),
    ok = gen_udp:close(B),
    io:format("closed ~p~n", [gen_udp:send(A, {127, 0, 0, 1}, PB, <<"x">>)]).
