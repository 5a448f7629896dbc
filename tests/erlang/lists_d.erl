-module(lists_d).
-export([start/0]).

p(Label, V) -> io:format("~s: ~w~n", [Label, V]).

start() ->
    %% sort
    p("sort", lists:sort([5, 3, 8, 1, 9, 2, 7])),
    p("sort dups", lists:sort([3, 1, 3, 2, 1])),
    p("sort empty", lists:sort([])),
    p("sort atoms", lists:sort([pear, apple, fig, 'Zebra', banana, a, aa, ab])),
    p("sort tuples", lists:sort([{b, 2}, {a, 9}, {a, 1}, {c}, {a, 1, 0}, {}])),
    p("sort lists", lists:sort([[2], [1, 2], [1], [], [1, 1, 1], [0, 9]])),
    p("sort strings", lists:sort(["banana", "apple", "cherry", "app", ""])),
    p("sort mixed", lists:sort([[a], {x}, zed, 42, [], -7, {}, alpha, {a, b}, "str", [[]]])),
    p("sort negatives", lists:sort([0, -1, 10, -100, 5])),
    p("sort/2 desc", lists:sort(fun(A, B) -> A >= B end, [5, 3, 8, 1])),
    p("sort/2 stable", lists:sort(fun({A, _}, {B, _}) -> A =< B end, [{2, a}, {1, b}, {2, c}, {1, d}])),
    p("sort/2 by size", lists:sort(fun(A, B) -> length(A) =< length(B) end, [[1, 2, 3], [1], [], [1, 2]])),
    Big = [(X * 7919) rem 1009 || X <- lists:seq(1, 2000)],
    Sorted = lists:sort(Big),
    p("sort big first/last", {hd(Sorted), lists:last(Sorted), length(Sorted)}),
    p("sort big is sorted", is_sorted(Sorted)),
    %% usort
    p("usort", lists:usort([3, 1, 3, 2, 1, 2])),
    p("usort/2", lists:usort(fun(A, B) -> A >= B end, [3, 1, 3, 2, 1, 2])),
    p("usort/2 keyed", lists:usort(fun({A, _}, {B, _}) -> A =< B end, [{2, a}, {1, b}, {2, c}, {1, d}])),
    p("usort big", length(lists:usort(Big))),
    %% merge
    p("merge/1", lists:merge([[1, 4, 7], [2, 5, 8], [3, 6, 9]])),
    p("merge/1 empty lists", lists:merge([[], [1], []])),
    p("merge/2", lists:merge([1, 3, 5], [2, 3, 4, 6])),
    p("merge/3", lists:merge(fun(A, B) -> A >= B end, [5, 3, 1], [6, 4, 2])),
    p("merge3", lists:merge3([1, 4], [2, 5], [3, 4, 6])),
    %% umerge
    p("umerge/1", lists:umerge([[1, 2, 3], [2, 3, 4], [3, 4, 5]])),
    p("umerge/2", lists:umerge([1, 3, 5], [1, 2, 3, 6])),
    p("umerge/3", lists:umerge(fun(A, B) -> A >= B end, [5, 3, 1], [5, 4, 1])),
    p("umerge3", lists:umerge3([1, 2], [2, 3], [3, 4])),
    %% ukeymerge / ukeysort
    p("ukeymerge", lists:ukeymerge(1, [{a, 1}, {c, 1}], [{a, 2}, {b, 2}, {c, 2}])),
    p("ukeysort", lists:ukeysort(1, [{b, 1}, {a, 1}, {b, 2}, {a, 2}, {c, 0}])),
    p("ukeysort 2", lists:ukeysort(2, [{x, 3}, {y, 1}, {z, 3}, {w, 2}])),
    %% keysort big
    KL = [{X rem 13, X} || X <- lists:seq(1, 100)],
    KS = lists:keysort(1, KL),
    p("keysort big head", lists:sublist(KS, 9)),
    p("keysort big stable", [V || {0, V} <- KS]),
    %% term order checks
    Order = [-5, 0, 3, atom, zzz, {}, {1}, {1, 2}, {a, b, c}, [], [1], [1, 2], [a]],
    p("order sorted is identity", lists:sort(lists:reverse(Order)) =:= Order),
    p("order pairwise <", pairwise(Order)),
    ok.

is_sorted([A, B | T]) when A =< B -> is_sorted([B | T]);
is_sorted([_, _ | _]) -> false;
is_sorted(_) -> true.

pairwise([A, B | T]) -> [A < B | pairwise([B | T])];
pairwise(_) -> [].
