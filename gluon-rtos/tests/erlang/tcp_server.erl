%% A gen_tcp echo server for a client outside the VM: prints its port,
%% serves one connection in active mode (replying to each message with
%% "echo: " and the data), then one in passive mode with {packet, 2}.
-module(tcp_server).
-export([start/0]).

start() ->
    {ok, L} = gen_tcp:listen(0, [binary, {active, true}, {reuseaddr, true}]),
    {ok, Port} = inet:port(L),
    io:format("port ~b~n", [Port]),
    {ok, S} = gen_tcp:accept(L),
    active(S),
    ok = inet:setopts(L, [{active, false}, {packet, 2}]),
    {ok, S2} = gen_tcp:accept(L),
    passive(S2),
    gen_tcp:close(L).

active(S) ->
    receive
        {tcp, S, Data} -> ok = gen_tcp:send(S, [<<"echo: ">>, Data]), active(S);
        {tcp_closed, S} -> io:format("client closed~n"), gen_tcp:close(S)
    end.

passive(S) ->
    case gen_tcp:recv(S, 0, 5000) of
        {ok, Msg} ->
            io:format("packet ~p~n", [Msg]),
            ok = gen_tcp:send(S, string:uppercase(Msg)),
            passive(S);
        {error, closed} -> io:format("second client closed~n")
    end.
