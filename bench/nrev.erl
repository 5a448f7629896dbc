%% Benchmark: naive reverse, the classic list-allocation workload.
%% Reverses a 30-element list 20000 times; the checksum keeps every
%% result live so no run can be skipped.
-module(nrev).
-export([start/0]).

-define(ITERATIONS, 20000).

start() ->
    List = seq(1, 30),
    io:format("nrev checksum = ~w~n", [loop(?ITERATIONS, List, 0)]).

loop(0, _List, Acc) -> Acc;
loop(N, List, Acc) ->
    [First | _] = nrev(List),
    loop(N - 1, List, (Acc * 31 + First + N) rem 1000003).

nrev([]) -> [];
nrev([H | T]) -> app(nrev(T), [H]).

app([], L) -> L;
app([H | T], L) -> [H | app(T, L)].

seq(N, M) when N > M -> [];
seq(N, M) -> [N | seq(N + 1, M)].
