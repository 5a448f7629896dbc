%% Spawning and reaping 200,000 short-lived processes, each answering its
%% parent once.
-module(spawn).
-export([start/0]).

-define(N, 200000).

start() ->
    io:format("spawned and reaped ~w processes~n", [loop(?N, 0)]).

loop(0, Acc) -> Acc;
loop(N, Acc) ->
    Me = self(),
    Pid = spawn(fun() -> Me ! {self(), done} end),
    receive {Pid, done} -> loop(N - 1, Acc + 1) end.
