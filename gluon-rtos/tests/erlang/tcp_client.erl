%% A gen_tcp client against an echo server outside the VM (the Rust test
%% that compiles this gives the port as -DPORT=N): passive round trips,
%% then active mode until the server closes.
-module(tcp_client).
-export([start/0]).

start() ->
    {ok, S} = gen_tcp:connect("localhost", ?PORT, [binary, {active, false}], 5000),
    ok = gen_tcp:send(S, <<"hello\n">>),
    io:format("passive ~p~n", [gen_tcp:recv(S, 0, 5000)]),
    ok = gen_tcp:send(S, <<"again\n">>),
    io:format("passive ~p~n", [gen_tcp:recv(S, 0, 5000)]),
    ok = inet:setopts(S, [{active, true}]),
    ok = gen_tcp:send(S, <<"bye\n">>),
    active(S).

%% The server answers "bye" and closes.
active(S) ->
    receive
        {tcp, S, Data} -> io:format("active ~p~n", [Data]), active(S);
        {tcp_closed, S} -> io:format("closed~n"), gen_tcp:close(S)
    after 5000 -> io:format("timeout~n")
    end.
