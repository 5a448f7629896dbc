%% A ring of processes: a token goes round it a number of times, each
%% process passing it on to the next, then the ring is taken down.
-module(ring).
-export([start/0]).

-define(PROCS, 1000).
-define(ROUNDS, 10).

start() ->
    T0 = erlang:monotonic_time(millisecond),
    First = build(?PROCS, self()),
    First ! {token, ?ROUNDS},
    Rounds = wait(First, 0),
    T1 = erlang:monotonic_time(millisecond),
    io:format("ring: ~p processes, ~p rounds, ~p hops~n",
              [?PROCS, Rounds, ?PROCS * Rounds]),
    First ! stop,
    receive stop -> ok end,
    io:format("ring: done in ~p ms~n", [T1 - T0]).

%% Spawns N members, each passing on to the one spawned before it (the
%% first one spawned to the starter); returns the last one spawned.
build(0, Next) -> Next;
build(N, Next) -> build(N - 1, spawn(fun() -> member(Next) end)).

member(Next) ->
    receive
        stop -> Next ! stop;
        Token -> Next ! Token, member(Next)
    end.

%% The starter sends the token round again until the rounds are done.
wait(First, Done) ->
    receive
        {token, 1} -> Done + 1;
        {token, N} -> First ! {token, N - 1}, wait(First, Done + 1)
    end.
