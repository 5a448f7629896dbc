%% Soak: spawns and reaps processes in waves, and pushes binaries through a
%% chain of processes; everything it made is gone when start/1 returns.
-module(soak).
-export([start/2]).

start(Procs, BinMB) ->
    spawn_waves(Procs, 1000),
    Bin = list_to_binary(dup(1024, $x)),
    chain(BinMB * 1024, Bin),
    ok.

%% Procs processes in waves of Wave: each wave is spawned, each process
%% replies, and all of them have exited before the next wave starts.
spawn_waves(Left, _Wave) when Left =< 0 -> ok;
spawn_waves(Left, Wave) ->
    N = min(Left, Wave),
    Self = self(),
    Refs = [begin
                {P, R} = spawn_monitor(fun() -> Self ! {self(), I} end),
                {P, R}
            end || I <- seq(1, N)],
    [receive {P, _} -> ok end || {P, _} <- Refs],
    [receive {'DOWN', R, process, P, normal} -> ok end || {P, R} <- Refs],
    spawn_waves(Left - N, Wave).

%% Sends Count copies of Bin through a chain of three processes.
chain(Count, Bin) ->
    Self = self(),
    Last = spawn(fun() -> sink(Self, Count) end),
    Mid = spawn(fun() -> forward(Last) end),
    First = spawn(fun() -> forward(Mid) end),
    [First ! Bin || _ <- seq(1, Count)],
    First ! stop,
    receive {done, Bytes} -> Bytes = Count * byte_size(Bin) end.

forward(To) ->
    receive
        stop -> To ! stop;
        B -> To ! B, forward(To)
    end.

sink(Parent, Count) -> sink(Parent, Count, 0).
sink(Parent, _Count, Bytes) ->
    receive
        stop -> Parent ! {done, Bytes};
        B -> sink(Parent, _Count, Bytes + byte_size(B))
    end.

%% The test runs without the standard library: its own seq and duplicate.
seq(From, To) when From > To -> [];
seq(From, To) -> [From | seq(From + 1, To)].

dup(0, _) -> [];
dup(N, X) -> [X | dup(N - 1, X)].
