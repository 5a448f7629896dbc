%% Big data: long lists, deep non-tail recursion, large tuples and maps,
%% building and dropping them in loops, many processes allocating at once,
%% and large terms sent between processes.
-module(mem_big).
-export([start/0]).

%% Non-tail recursion N deep.
sum_to(0) -> 0;
sum_to(N) -> N + sum_to(N - 1).

%% Builds a list non-tail-recursively.
build(0) -> [];
build(N) -> [N | build(N - 1)].

churn(0, Acc) -> Acc;
churn(K, Acc) ->
    L = lists:seq(1, 10000),
    T = list_to_tuple(L),
    M = maps:from_list([{I, I * I} || I <- lists:seq(1, 30)]),
    churn(K - 1, Acc + length(L) + tuple_size(T) + map_size(M) + element(5000, T)).

worker(Parent, N) ->
    L = [{I, integer_to_list(I)} || I <- lists:seq(1, N)],
    Parent ! {self(), length(L), lists:last(L)}.

relay(0, Term) -> Term;
relay(K, Term) ->
    Self = self(),
    P = spawn(fun() -> receive {From, T} -> From ! {self(), T} end end),
    P ! {Self, Term},
    receive {P, T2} -> relay(K - 1, T2) end.

start() ->
    io:format("deep: ~p~n", [sum_to(1000000)]),
    L = build(1000000),
    io:format("build: ~p ~p~n", [length(L), lists:sum(L)]),
    Big = lists:seq(1, 2000000),
    io:format("seq: ~p ~p~n", [length(Big), lists:foldl(fun(X, A) -> X + A end, 0, Big)]),
    io:format("reverse: ~p~n", [hd(lists:reverse(Big))]),
    T = list_to_tuple(Big),
    io:format("tuple: ~p ~p~n", [tuple_size(T), element(1234567, T)]),
    io:format("sort: ~p~n", [lists:sublist(lists:sort([(X * 7919) rem 100003 || X <- lists:seq(1, 200000)]), 5)]),
    io:format("churn: ~p~n", [churn(200, 0)]),
    Self = self(),
    Pids = [spawn(fun() -> worker(Self, 2000 + I) end) || I <- lists:seq(1, 200)],
    Results = [receive {P, Len, Last} -> {Len, Last} end || P <- Pids],
    io:format("workers: ~p ~p~n", [length(Results), lists:last(Results)]),
    Payload = [{I, lists:seq(1, 50)} || I <- lists:seq(1, 2000)],
    Back = relay(100, Payload),
    io:format("relay: ~p ~p~n", [Back =:= Payload, length(Back)]),
    ok.
