%% Allocation-heavy benchmark: builds and drops large lists, tuples and
%% maps in loops, runs many allocating processes at once, and passes
%% large terms between processes.  start/0 is timed; peak/0 runs the same
%% work and prints the largest erlang:memory(processes) it saw, which
%% bench/run reads on both VMs (the VMs' own accounting of process memory).
-module(alloc).
-export([start/0, peak/0]).

start() ->
    run(fun(_) -> ok end),
    io:format("done~n").

peak() ->
    put(peak, 0),
    run(fun(_) -> put(peak, max(get(peak), erlang:memory(processes))) end),
    io:format("~p~n", [get(peak)]).

%% Sample(Where) is called at the points where most memory is live.
run(Sample) ->
    L = lists:seq(1, 1000000),
    T = list_to_tuple(L),
    Sample(list),
    1000000 = length(L) + tuple_size(T) - 1000000,
    churn(50, Sample),
    Self = self(),
    Pids = [spawn(fun() -> worker(Self, 20000) end) || _ <- lists:seq(1, 50)],
    [receive {P, ready} -> ok end || P <- Pids],
    Sample(workers),
    [P ! go || P <- Pids],
    [receive {P, done} -> ok end || P <- Pids],
    Payload = [{I, integer_to_list(I)} || I <- lists:seq(1, 100000)],
    relay(20, Payload, Sample),
    ok.

churn(0, _) -> ok;
churn(K, Sample) ->
    M = maps:from_list([{I, [I]} || I <- lists:seq(1, 20)]),
    L = [{I, M} || I <- lists:seq(1, 20000)],
    K rem 10 =:= 0 andalso Sample(churn),
    20000 = length(L),
    churn(K - 1, Sample).

worker(Parent, N) ->
    L = [{I, I * 2} || I <- lists:seq(1, N)],
    Parent ! {self(), ready},
    receive go -> ok end,
    Parent ! {self(), length(L) div N =:= 1 andalso done}.

relay(0, _, _) -> ok;
relay(K, Term, Sample) ->
    Self = self(),
    P = spawn(fun() -> receive T -> Self ! {self(), T} end end),
    P ! Term,
    Sample(relay),
    receive {P, Back} -> relay(K - 1, Back, Sample) end.
