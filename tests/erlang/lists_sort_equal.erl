%% Sorting and merging lists with repeated elements, and merging lists
%% whose elements compare equal without being identical (1 and 1.0), where
%% OTP documents the result: the first list's element comes first.  Sorting
%% such lists is left out: OTP's sort/1 and keysort/2 put equal-but-distinct
%% elements in the order its own merge algorithm happens to produce (which
%% is not always the input order), and Gluon's sort is stable instead.
-module(lists_sort_equal).
-export([start/0]).

rnd(S) -> (S * 1103515245 + 12345) band 16#7fffffff.

%% A list of N values drawn from Vals.
gen(0, S, _Vals, Acc) -> {Acc, S};
gen(N, S, Vals, Acc) ->
    S1 = rnd(S),
    V = element((S1 bsr 16) rem tuple_size(Vals) + 1, Vals),
    gen(N - 1, S1, Vals, [V | Acc]).

loop(0, _) -> ok;
loop(K, S) ->
    {D, S2} = gen(K rem 40, S, {1, 1.5, 2, 2.5, 3, 0.5}, []),
    io:format("~w~n~w~n", [lists:sort(D), lists:usort(D)]),
    io:format("~w~n", [lists:keysort(1, [{X} || X <- D])]),
    io:format("~w~n", [lists:keysort(1, [{X, I} || {X, I} <- lists:zip(D, lists:seq(1, length(D)))])]),
    io:format("~w~n", [lists:merge(lists:sort(D), lists:sort(lists:reverse(D)))]),
    %% Still sorted with 1 and 3 as floats: they compare equal to 1 and 3.
    Floats = [if is_integer(X), X rem 2 =:= 1 -> float(X); true -> X end || X <- lists:sort(D)],
    io:format("~w~n~w~n", [lists:merge(Floats, lists:sort(D)), lists:merge(lists:sort(D), Floats)]),
    io:format("~w~n", [lists:umerge(Floats, lists:usort(D))]),
    io:format("~w~n", [lists:ukeysort(1, [{X, a} || X <- D])]),
    io:format("~w~n", [lists:keymerge(1, [{X, l} || X <- lists:sort(D)], [{X, r} || X <- lists:sort(D)])]),
    loop(K - 1, S2).

start() -> loop(300, 42).
