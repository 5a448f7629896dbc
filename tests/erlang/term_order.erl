-module(term_order).
-export([start/0, id/1]).

id(X) -> X.

start() ->
    Ops = fun(A, B) -> [A < B, A > B, A =< B, A >= B, A == B, A /= B, A =:= B, A =/= B] end,
    Pairs = [
        {1, 2}, {2, 1}, {-1, 0}, {-100, -5}, {7, 7},
        {1, a}, {a, 1}, {-1000000, zzz},
        {a, b}, {b, a}, {a, a}, {abc, abd}, {ab, abc}, {'B', a}, {'Z', a}, {'z', 'aa'},
        {a, {}}, {{}, a}, {100, {}},
        {{}, []}, {{a}, []}, {[], {a}},
        {[], [a]}, {[a], []}, {[], []},
        {{1, 2}, {2, 1}}, {{2}, {1, 1}}, {{1, 1}, {2}}, {{a, b, c}, {a, b}}, {{a, b}, {a, b}},
        {{1, a}, {1, b}}, {{1, {2}}, {1, {3}}},
        {[1, 2], [1, 3]}, {[1, 2, 3], [1, 2]}, {[2], [1, 2, 3]}, {[a], [1]}, {"abc", "abd"},
        {"ab", "abc"}, {[[]], [[], []]}, {[{}], [[]]},
        {atom, "string"}, {{tuple}, "string"}, {"", atom}
    ],
    lists:foreach(fun({A, B}) -> io:format("~w vs ~w: ~w~n", [A, B, Ops(A, B)]) end, Pairs),
    io:format("max/min: ~w~n", [[{max(A, B), min(A, B)} || {A, B} <- lists:sublist(Pairs, 12)]]),
    io:format("max equal picks: ~w ~w~n", [max(a, a), min([], [])]),
    Mixed = [{b}, "x", [], z, 3, {a, a}, [z], -2, a, {}, [[]], 0],
    io:format("sorted: ~w~n", [lists:sort(Mixed)]),
    io:format("rsorted: ~w~n", [lists:reverse(lists:sort(Mixed))]),
    io:format("usort: ~w~n", [lists:usort(Mixed ++ Mixed)]),
    io:format("deep eq: ~w ~w~n", [id({a, [1, {b, "c"}]}) =:= {a, [1, {b, "c"}]},
                                     id({a, [1, {b, "c"}]}) =:= {a, [1, {b, "d"}]}]),
    io:format("improper eq: ~w ~w~n", [id([a | b]) =:= [a | b], id([a | b]) < [a | c]]),
    io:format("improper vs proper: ~w ~w~n", [id([a | b]) < [a, b], id([1 | 2]) > [1]]),
    io:format("list vs tail atom: ~w~n", [id([a | []]) =:= [a]]),
    io:format("fun vs others: ~w ~w ~w~n", [fun id/1 > id(zzz), fun id/1 < id({}), fun id/1 > id(10)]),
    io:format("sort big neg: ~w~n", [lists:sort([100000, -100000, 99999, -99999, 0])]),
    ok.
