%% The receiving end of the runner and C API tests: counts and sums
%% {n, I} messages sent through the event queue, answers pings and
%% describes terms through natives, and reports when told to stop.
-module(sink).
-export([start/0]).

start() ->
    register(sink, self()),
    io:format("sink ready~n"),
    loop(0, 0).

loop(Count, Sum) ->
    receive
        {n, I} ->
            loop(Count + 1, Sum + I);
        {ping, Bin} when is_binary(Bin) ->
            io:format("ping ~s -> ~p~n", [Bin, host:echo(Bin)]),
            loop(Count, Sum);
        {describe, T} ->
            R = try host:describe(T) catch error:Reason -> {error, Reason} end,
            io:format("describe ~p -> ~p~n", [T, R]),
            loop(Count, Sum);
        {wait, Ms} ->
            receive after Ms -> io:format("waited ~p~n", [Ms]) end,
            loop(Count, Sum);
        stop ->
            io:format("~p messages, sum ~p~n", [Count, Sum])
    end.
