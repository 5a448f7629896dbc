%% gen_tcp on loopback, server and client in one node: passive and active
%% modes, {active, once}, {packet, 2}, binary and list data, close
%% notifications, timeouts, controlling_process, addresses. Ports are
%% chosen by the OS (listen on 0, then inet:port/1).
-module(drv_tcp).
-export([start/0]).

start() ->
    passive_echo(),
    active_modes(),
    packets(),
    handover(),
    acceptor_pool(),
    errors(),
    ok.

listen(Opts) ->
    {ok, L} = gen_tcp:listen(0, [{reuseaddr, true}, {ip, {127, 0, 0, 1}} | Opts]),
    {ok, Port} = inet:port(L),
    true = is_port(L),
    {L, Port}.

%% An echo server in its own process: replies with what it receives,
%% until the client closes.
passive_echo() ->
    {L, Port} = listen([binary, {active, false}]),
    Self = self(),
    spawn(fun() ->
                  {ok, S} = gen_tcp:accept(L),
                  Self ! {accepted, is_port(S)},
                  echo(S),
                  Self ! server_done
          end),
    {ok, C} = gen_tcp:connect({127, 0, 0, 1}, Port, [binary, {active, false}]),
    receive {accepted, A} -> io:format("accepted ~p~n", [A]) end,
    {ok, {IP, _}} = inet:sockname(C),
    {ok, {PeerIP, PeerPort}} = inet:peername(C),
    io:format("addresses ~p ~p ~p~n", [IP, PeerIP, PeerPort =:= Port]),
    ok = gen_tcp:send(C, <<"ping">>),
    io:format("echo ~p~n", [gen_tcp:recv(C, 4)]),
    ok = gen_tcp:send(C, ["a", [$b, <<"cd">>]]),
    io:format("iolist echo ~p~n", [gen_tcp:recv(C, 4, 5000)]),
    Big = binary:copy(<<"0123456789">>, 20000),
    ok = gen_tcp:send(C, Big),
    io:format("big echo ~p~n", [recv_n(C, byte_size(Big), []) =:= Big]),
    io:format("timeout ~p~n", [gen_tcp:recv(C, 0, 50)]),
    ok = gen_tcp:close(C),
    receive server_done -> io:format("server saw close~n") end,
    ok = gen_tcp:close(L).

echo(S) ->
    case gen_tcp:recv(S, 0) of
        {ok, Data} -> ok = gen_tcp:send(S, Data), echo(S);
        {error, closed} -> gen_tcp:close(S)
    end.

recv_n(_, 0, Acc) -> iolist_to_binary(lists:reverse(Acc));
recv_n(S, N, Acc) ->
    {ok, D} = gen_tcp:recv(S, 0, 5000),
    recv_n(S, N - byte_size(D), [D | Acc]).

active_modes() ->
    {L, Port} = listen([list, {active, true}]),
    Self = self(),
    spawn(fun() ->
                  {ok, S} = gen_tcp:accept(L),
                  ok = gen_tcp:controlling_process(S, Self),
                  Self ! {server, S}
          end),
    {ok, C} = gen_tcp:connect({127, 0, 0, 1}, Port, [list, {active, true}]),
    S = receive {server, Srv} -> Srv end,
    ok = gen_tcp:send(C, "hello"),
    io:format("active ~p~n", [collect(S, 5)]),
    ok = inet:setopts(S, [{active, once}]),
    ok = gen_tcp:send(C, "one"),
    io:format("once ~p~n", [collect(S, 3)]),
    ok = gen_tcp:send(C, "two"),
    receive {tcp, S, _} -> io:format("unexpected~n") after 100 -> io:format("passive now~n") end,
    io:format("getopts ~p~n", [inet:getopts(S, [active])]),
    io:format("recv passive ~p~n", [gen_tcp:recv(S, 3, 1000)]),
    ok = inet:setopts(S, [{active, true}, binary]),
    ok = gen_tcp:close(C),
    receive {tcp_closed, S} -> io:format("tcp_closed~n") after 5000 -> io:format("no close~n") end,
    ok = gen_tcp:close(S),
    ok = gen_tcp:close(L).

%% Messages until N characters have come.
collect(_, 0) -> [];
collect(S, N) ->
    receive {tcp, S, D} -> D ++ collect(S, N - length(D))
    after 5000 -> timeout
    end.

packets() ->
    {L, Port} = listen([binary, {packet, 2}, {active, false}]),
    {ok, C} = gen_tcp:connect({127, 0, 0, 1}, Port, [binary, {packet, 2}, {active, false}]),
    {ok, S} = gen_tcp:accept(L, 5000),
    ok = gen_tcp:send(C, <<"first">>),
    ok = gen_tcp:send(C, <<"second">>),
    ok = gen_tcp:send(C, <<>>),
    io:format("packets ~p ~p ~p~n", [gen_tcp:recv(S, 0), gen_tcp:recv(S, 0), gen_tcp:recv(S, 0)]),
    ok = inet:setopts(S, [{packet, raw}]),
    ok = gen_tcp:send(C, <<"xyz">>),
    io:format("raw view ~p~n", [gen_tcp:recv(S, 5)]),
    ok = inet:setopts(S, [{active, 2}]),
    ok = gen_tcp:send(C, <<"a">>),
    M1 = receive {tcp, S, D1} -> D1 end,
    ok = gen_tcp:send(C, <<"bc">>),
    M2 = receive {tcp, S, D2} -> D2 end,
    io:format("active 2 ~p ~p ~p~n", [M1, M2, drain(S)]),
    ok = gen_tcp:send(C, <<"later">>),
    io:format("after passive ~p~n", [gen_tcp:recv(S, 0, 1000)]),
    [ok = gen_tcp:close(X) || X <- [C, S, L]],
    ok.

drain(S) ->
    receive
        {tcp, S, D} -> [D | drain(S)];
        {tcp_passive, S} -> [passive | drain(S)]
    after 300 -> []
    end.

handover() ->
    {L, Port} = listen([binary, {active, false}]),
    {ok, C} = gen_tcp:connect({127, 0, 0, 1}, Port, [binary, {active, false}]),
    {ok, S} = gen_tcp:accept(L),
    Other = spawn(fun() -> receive _ -> ok end end),
    io:format("not owner ~p~n",
              [begin
                   Me = self(),
                   spawn(fun() -> Me ! {r, gen_tcp:controlling_process(S, self())} end),
                   receive {r, R} -> R end
               end]),
    ok = gen_tcp:controlling_process(S, Other),
    exit(Other, kill),
    %% The socket dies with its owner: the client sees the close.
    io:format("owner died ~p~n", [gen_tcp:recv(C, 0, 5000)]),
    ok = gen_tcp:close(C),
    ok = gen_tcp:close(L).

%% Two processes accept on one listener: each takes one connection.
acceptor_pool() ->
    {L, Port} = listen([binary, {active, false}]),
    Self = self(),
    [spawn(fun() ->
                   {ok, S} = gen_tcp:accept(L, 5000),
                   {ok, D} = gen_tcp:recv(S, 0, 5000),
                   Self ! {got, D},
                   gen_tcp:close(S)
           end) || _ <- [1, 2]],
    Cs = [begin
              {ok, C} = gen_tcp:connect({127, 0, 0, 1}, Port, [binary, {active, false}]),
              ok = gen_tcp:send(C, Msg),
              C
          end || Msg <- [<<"first">>, <<"second">>]],
    Got = [receive {got, D} -> D after 5000 -> timeout end || _ <- [1, 2]],
    io:format("pool ~p~n", [lists:sort(Got)]),
    [ok = gen_tcp:close(C) || C <- Cs],
    ok = gen_tcp:close(L).

errors() ->
    {L, Port} = listen([]),
    ok = gen_tcp:close(L),
    io:format("refused ~p~n", [gen_tcp:connect({127, 0, 0, 1}, Port, [])]),
    io:format("closed send ~p~n", [gen_tcp:send(L, "x")]),
    io:format("closed recv ~p~n", [gen_tcp:recv(L, 0)]),
    {L2, _} = listen([{active, false}]),
    io:format("accept timeout ~p~n", [gen_tcp:accept(L2, 20)]),
    ok = gen_tcp:close(L2).
