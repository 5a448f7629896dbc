-module(lists_c).
-export([start/0]).

p(Label, V) -> io:format("~s: ~w~n", [Label, V]).

start() ->
    %% last
    p("last", lists:last([1, 2, 3])),
    p("last 1", lists:last([only])),
    %% map
    p("map", lists:map(fun(X) -> {X} end, [a, b, c])),
    p("map empty", lists:map(fun(X) -> X end, [])),
    %% mapfoldl / mapfoldr
    p("mapfoldl", lists:mapfoldl(fun(X, Acc) -> {X * 2, Acc + X} end, 0, [1, 2, 3])),
    p("mapfoldl order", lists:mapfoldl(fun(X, Acc) -> {{X, Acc}, Acc + 1} end, 0, [a, b, c])),
    p("mapfoldr order", lists:mapfoldr(fun(X, Acc) -> {{X, Acc}, Acc + 1} end, 0, [a, b, c])),
    p("mapfoldr empty", lists:mapfoldr(fun(X, Acc) -> {X, Acc} end, acc, [])),
    %% max / min
    p("max", lists:max([3, 1, 4, 1, 5, 9, 2, 6])),
    p("min", lists:min([3, 1, 4, 1, 5, 9, 2, 6])),
    p("max mixed", lists:max([1, a, {b}, [c], "d", []])),
    p("min mixed", lists:min([[x], {y}, z, 100])),
    p("max single", lists:max([q])),
    p("max tuples", lists:max([{1, b}, {2, a}, {1, c}])),
    %% member
    p("member", [lists:member(X, [a, 1, "s", {t}]) || X <- [a, 1, "s", {t}, b, 2]]),
    p("member empty", lists:member(a, [])),
    %% nth / nthtail
    p("nth", [lists:nth(I, [a, b, c, d]) || I <- [1, 2, 3, 4]]),
    p("nthtail", [lists:nthtail(I, [a, b, c, d]) || I <- [0, 1, 2, 3, 4]]),
    %% partition
    p("partition", lists:partition(fun(X) -> X > 2 end, [1, 2, 3, 4, 0, 5])),
    p("partition atoms", lists:partition(fun is_atom/1, [a, 1, b, 2])),
    p("partition empty", lists:partition(fun is_atom/1, [])),
    %% prefix / suffix
    p("prefix", [lists:prefix(P, [1, 2, 3]) || P <- [[], [1], [1, 2], [1, 2, 3], [1, 2, 3, 4], [2]]]),
    p("suffix", [lists:suffix(S, [1, 2, 3]) || S <- [[], [3], [2, 3], [1, 2, 3], [0, 1, 2, 3], [2]]]),
    p("prefix string", lists:prefix("ab", "abc")),
    %% reverse
    p("reverse", lists:reverse([1, 2, 3])),
    p("reverse empty", lists:reverse([])),
    p("reverse nested", lists:reverse([[1, 2], [3]])),
    p("reverse/2", lists:reverse([3, 2, 1], [4, 5])),
    p("reverse/2 improper tail", lists:reverse([b, a], c)),
    %% seq
    p("seq/2", lists:seq(1, 10)),
    p("seq/2 single", lists:seq(5, 5)),
    p("seq/2 empty", lists:seq(5, 4)),
    p("seq/2 negative", lists:seq(-3, 3)),
    p("seq/3", lists:seq(1, 20, 3)),
    p("seq/3 down", lists:seq(10, 1, -2)),
    p("seq/3 exact end", lists:seq(0, 12, 4)),
    p("seq/3 empty", lists:seq(10, 9, 1)),
    p("seq/3 down empty", lists:seq(1, 2, -1)),
    p("seq/3 one", lists:seq(7, 7, 5)),
    %% split / splitwith
    p("split", lists:split(2, [a, b, c, d])),
    p("split 0", lists:split(0, [a, b])),
    p("split all", lists:split(2, [a, b])),
    p("splitwith", lists:splitwith(fun(X) -> X < 3 end, [1, 2, 3, 1, 2])),
    p("splitwith none", lists:splitwith(fun(X) -> X > 3 end, [1, 2])),
    %% sublist
    p("sublist/2", lists:sublist([a, b, c, d, e], 3)),
    p("sublist/2 long", lists:sublist([a, b], 10)),
    p("sublist/2 zero", lists:sublist([a, b], 0)),
    p("sublist/3", lists:sublist([a, b, c, d, e], 2, 3)),
    p("sublist/3 past end", lists:sublist([a, b, c], 3, 5)),
    p("sublist/3 at end+1", lists:sublist([a, b, c], 4, 2)),
    %% subtract
    p("subtract", lists:subtract([1, 2, 3, 2, 1], [2, 1])),
    p("subtract --", [a, b, c, a] -- [a, c, d]),
    p("subtract all", [1, 1] -- [1, 1, 1]),
    p("-- assoc", [1, 2, 3] -- [1] -- [1]),
    %% sum
    p("sum", lists:sum([1, 2, 3, 4, 5])),
    p("sum empty", lists:sum([])),
    p("sum neg", lists:sum([-10, 4, 3])),
    %% takewhile
    p("takewhile", lists:takewhile(fun(X) -> X < 3 end, [1, 2, 3, 1])),
    p("takewhile all", lists:takewhile(fun is_atom/1, [a, b])),
    p("takewhile none", lists:takewhile(fun is_atom/1, [1, a])),
    ok.
