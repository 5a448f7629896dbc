%% gen_tcp and gen_udp over Zephyr's sockets (zsock_*), on the loopback
%% interface: an echo server and a client in two Erlang processes.
-module(echo).
-export([start/0]).

start() ->
    {ok, L} = gen_tcp:listen(0, [binary, {active, false}, {reuseaddr, true}]),
    {ok, Port} = inet:port(L),
    io:format("echo: listening on ~p~n", [inet:sockname(L)]),
    Self = self(),
    spawn(fun() -> client(Self, Port) end),
    {ok, S} = gen_tcp:accept(L, 5000),
    serve(S),
    receive {client, Replies} -> io:format("echo: client got ~p~n", [Replies]) end,
    ok = gen_tcp:close(L),
    udp(),
    io:format("echo: done~n").

%% Passive mode: echo each message until the client closes.
serve(S) ->
    case gen_tcp:recv(S, 0, 5000) of
        {ok, Data} ->
            ok = gen_tcp:send(S, [<<"echo ">>, Data]),
            serve(S);
        {error, closed} ->
            io:format("echo: client closed~n"),
            gen_tcp:close(S)
    end.

%% Active mode: replies come as messages.
client(Parent, Port) ->
    {ok, C} = gen_tcp:connect({127, 0, 0, 1}, Port, [binary, {active, true}], 5000),
    Replies = [begin
                   ok = gen_tcp:send(C, Msg),
                   receive {tcp, C, Reply} -> Reply after 5000 -> timeout end
               end || Msg <- [<<"one">>, <<"two">>]],
    ok = gen_tcp:close(C),
    Parent ! {client, Replies}.

udp() ->
    {ok, A} = gen_udp:open(0, [binary, {active, false}]),
    {ok, B} = gen_udp:open(0, [binary, {active, true}]),
    {ok, PortB} = inet:port(B),
    ok = gen_udp:send(A, {127, 0, 0, 1}, PortB, <<"datagram">>),
    receive
        {udp, B, IP, _, Data} -> io:format("echo: udp ~p from ~p~n", [Data, IP])
    after 5000 -> io:format("echo: udp lost~n")
    end,
    gen_udp:close(A),
    gen_udp:close(B).
