-module(lists_e).
-compile([{nowarn_deprecated_function, [{lists, zf, 2}]}]).
-export([start/0]).

p(Label, V) -> io:format("~s: ~w~n", [Label, V]).

start() ->
    %% unzip / unzip3
    p("unzip", lists:unzip([{a, 1}, {b, 2}, {c, 3}])),
    p("unzip empty", lists:unzip([])),
    p("unzip3", lists:unzip3([{a, 1, x}, {b, 2, y}])),
    p("unzip3 empty", lists:unzip3([])),
    %% zf (alias for filtermap)
    p("zf", lists:zf(fun(X) when X > 2 -> {true, -X}; (X) -> X =:= 1 end, [1, 2, 3, 4])),
    %% zip / zip3
    p("zip", lists:zip([a, b, c], [1, 2, 3])),
    p("zip empty", lists:zip([], [])),
    p("zip3", lists:zip3([a, b], [1, 2], [x, y])),
    %% zipwith / zipwith3
    p("zipwith", lists:zipwith(fun(A, B) -> A * B end, [1, 2, 3], [4, 5, 6])),
    p("zipwith tuple", lists:zipwith(fun(A, B) -> {B, A} end, [a, b], [1, 2])),
    p("zipwith3", lists:zipwith3(fun(A, B, C) -> A + B + C end, [1, 2], [10, 20], [100, 200])),
    p("zipwith3 list", lists:zipwith3(fun(A, B, C) -> [A, B, C] end, [a], [b], [c])),
    %% round trips
    L = [{N, N * N} || N <- lists:seq(1, 6)],
    {Ks, Vs} = lists:unzip(L),
    p("zip/unzip roundtrip", lists:zip(Ks, Vs) =:= L),
    %% combined algorithms using the lists module
    Words = ["the", "quick", "brown", "fox", "jumps", "over", "the", "lazy", "dog"],
    io:format("sorted words: ~p~n", [lists:usort(Words)]),
    io:format("longest: ~p~n", [lists:foldl(fun(W, Best) when length(W) > length(Best) -> W; (_, Best) -> Best end, "", Words)]),
    io:format("lengths: ~w~n", [lists:map(fun erlang:length/1, Words)]),
    io:format("total chars: ~w~n", [lists:sum(lists:map(fun length/1, Words))]),
    io:format("joined: ~s~n", [lists:append(lists:join("-", Words))]),
    Freq = lists:foldl(fun(W, Acc) ->
                           case lists:keyfind(W, 1, Acc) of
                               {W, N} -> lists:keyreplace(W, 1, Acc, {W, N + 1});
                               false -> [{W, 1} | Acc]
                           end
                       end, [], Words),
    lists:foreach(fun(E) -> io:format("freq: ~p~n", [E]) end, lists:keysort(1, Freq)),
    lists:foreach(fun(E) -> io:format("by count: ~p~n", [E]) end,
                  lists:reverse(lists:keysort(2, lists:keysort(1, Freq)))),
    io:format("capitalised: ~p~n", [[[C - 32 | T] || [C | T] <- Words, C >= $a, C =< $z, length(T) > 3]]),
    io:format("chunks: ~w~n", [chunks(lists:seq(1, 10), 3)]),
    io:format("interleave: ~w~n", [lists:append(lists:zipwith(fun(A, B) -> [A, B] end, [1, 2, 3], [a, b, c]))]),
    io:format("running sum: ~w~n", [element(1, lists:mapfoldl(fun(X, S) -> {S + X, S + X} end, 0, lists:seq(1, 10)))]),
    io:format("dedup adjacent: ~w~n", [dedup([1, 1, 2, 2, 2, 3, 1, 1, 4])]),
    ok.

chunks([], _) -> [];
chunks(L, N) when length(L) =< N -> [L];
chunks(L, N) ->
    {H, T} = lists:split(N, L),
    [H | chunks(T, N)].

dedup(L) -> lists:reverse(lists:foldl(fun(X, [X | _] = Acc) -> Acc; (X, Acc) -> [X | Acc] end, [], L)).
