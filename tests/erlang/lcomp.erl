-module(lcomp).
-export([start/0]).

start() ->
    io:format("simple: ~w~n", [[X * 2 || X <- [1, 2, 3, 4]]]),
    io:format("filter: ~w~n", [[X || X <- lists:seq(1, 20), X rem 3 =:= 0]]),
    io:format("two filters: ~w~n", [[X || X <- lists:seq(1, 30), X rem 2 =:= 0, X rem 5 =:= 0]]),
    io:format("two generators: ~w~n", [[{X, Y} || X <- [1, 2, 3], Y <- [a, b]]]),
    io:format("dependent gen: ~w~n", [[{X, Y} || X <- lists:seq(1, 4), Y <- lists:seq(X, 4)]]),
    io:format("three gens: ~w~n", [[[X, Y, Z] || X <- [0, 1], Y <- [0, 1], Z <- [0, 1]]]),
    io:format("pythagorean: ~w~n",
              [[{A, B, C} || C <- lists:seq(1, 30), B <- lists:seq(1, C), A <- lists:seq(1, B), A * A + B * B =:= C * C]]),
    io:format("pattern gen skips: ~w~n", [[V || {ok, V} <- [{ok, 1}, error, {ok, 2}, {error, 3}, {ok, 3, 4}, {ok, 4}]]]),
    io:format("pattern gen tuple: ~w~n", [[K || {K, true} <- [{a, true}, {b, false}, {c, true}, d]]]),
    io:format("pattern gen list: ~w~n", [[H || [H | _] <- [[1, 2], [], [3], x, "ab"]]]),
    io:format("repeated var in gen: ~w~n", [[X || {X, X} <- [{1, 1}, {1, 2}, {b, b}, {c, d}]]]),
    Bound = 2,
    io:format("bound var in gen pattern: ~w~n", [[Y || {Bound2, Y} <- [{1, a}, {2, b}, {3, c}, {2, d}], Bound2 =:= Bound]]),
    io:format("nested lc: ~w~n", [[[X * Y || X <- [1, 2, 3]] || Y <- [1, 10, 100]]]),
    io:format("lc in gen: ~w~n", [[X + 1 || X <- [Y * Y || Y <- [1, 2, 3]]]]),
    io:format("flatten via lc: ~w~n", [[X || L <- [[1, 2], [3], [], [4, 5, 6]], X <- L]]),
    io:format("string lc: ~s~n", [[C - 32 || C <- "hello world", C =/= $\s]]),
    io:format("string lc keep: ~s~n", [[if C >= $a, C =< $z -> C - 32; true -> C end || C <- "Hello, World!"]]),
    io:format("empty source: ~w~n", [[X || X <- []]]),
    io:format("all filtered: ~w~n", [[X || X <- [1, 2, 3], X > 10]]),
    io:format("non-bool filter?: ~w~n", [[X || X <- [1, 2, 3], is_integer(X)]]),
    io:format("guard-like filter: ~w~n", [[X || X <- [1, a, "s", {t}, 7, [], b], is_atom(X)]]),
    io:format("cartesian count: ~w~n", [length([ok || _ <- lists:seq(1, 20), _ <- lists:seq(1, 30)])]),
    io:format("qsort lc: ~w~n", [qsort([3, 6, 1, 8, 2, 9, 4, 7, 5, 0])]),
    io:format("perms lc: ~w~n", [perms("abc")]),
    io:format("matrix transpose: ~w~n", [transpose([[1, 2, 3], [4, 5, 6], [7, 8, 9]])]),
    io:format("matrix mult: ~w~n", [mmul([[1, 2], [3, 4]], [[5, 6], [7, 8]])]),
    io:format("enumerate: ~w~n", [[{I, E} || {I, E} <- lists:zip(lists:seq(1, 4), [w, x, y, z])]]),
    io:format("fun in lc: ~w~n", [[F(10) || F <- [fun(X) -> X + 1 end, fun(X) -> X * X end]]]),
    io:format("lc with closure var: ~w~n", [scale([1, 2, 3], 7)]),
    io:format("side effects order:~n"),
    _ = [io:format("  item ~w~n", [X]) || X <- [a, b, c]],
    io:format("lc with case: ~w~n", [[case X rem 2 of 0 -> even; 1 -> odd end || X <- lists:seq(1, 6)]]),
    io:format("lc building tuples: ~w~n", [[{X, X * X, X * X * X} || X <- lists:seq(1, 5)]]),
    io:format("primes: ~w~n", [[N || N <- lists:seq(2, 60), [] =:= [D || D <- lists:seq(2, N - 1), N rem D =:= 0]]]),
    io:format("zip lc: ~w~n", [[A + B || {A, B} <- lists:zip([1, 2, 3], [10, 20, 30])]]),
    io:format("big lc: ~w~n", [lists:sum([X rem 7 || X <- lists:seq(1, 100000)])]),
    ok.

qsort([]) -> [];
qsort([P | T]) -> qsort([X || X <- T, X < P]) ++ [P] ++ qsort([X || X <- T, X >= P]).

perms([]) -> [[]];
perms(L) -> [[H | T] || H <- L, T <- perms(L -- [H])].

transpose([[] | _]) -> [];
transpose(M) -> [[H || [H | _] <- M] | transpose([T || [_ | T] <- M])].

mmul(A, B) ->
    BT = transpose(B),
    [[lists:sum([X * Y || {X, Y} <- lists:zip(Row, Col)]) || Col <- BT] || Row <- A].

scale(L, K) -> [X * K || X <- L].
