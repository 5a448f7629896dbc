-module(bif_conv).
-export([start/0, id/1]).

id(X) -> X.

e(F) -> try F() catch C:R -> {C, R} end.

start() ->
    %% atoms
    io:format("atom_to_list: ~p ~p ~p~n", [atom_to_list(hello), atom_to_list('Hello World'), atom_to_list('')]),
    io:format("list_to_atom: ~p ~p ~p~n", [list_to_atom("abc"), list_to_atom("with space"), list_to_atom("")]),
    io:format("list_to_atom identity: ~w~n", [list_to_atom("ok") =:= ok]),
    io:format("list_to_existing_atom: ~w~n", [list_to_existing_atom("ok")]),
    io:format("list_to_existing_atom missing: ~w~n", [e(fun() -> list_to_existing_atom(id("no_such_atom_qwerty_123")) end)]),
    io:format("atom roundtrip: ~w~n", [[list_to_atom(atom_to_list(A)) =:= A || A <- [a, 'B', 'c d', '[]', '']]]),
    io:format("atom length: ~w~n", [length(atom_to_list(abcdefghijklmnop))]),
    io:format("atom concat: ~w~n", [list_to_atom(atom_to_list(foo) ++ "_" ++ atom_to_list(bar))]),
    %% integers
    io:format("integer_to_list: ~p ~p ~p~n", [integer_to_list(0), integer_to_list(12345), integer_to_list(-987)]),
    io:format("integer_to_list/2: ~p~n", [[integer_to_list(255, B) || B <- [2, 8, 10, 16, 36]]]),
    io:format("integer_to_list/2 neg: ~p~n", [[integer_to_list(-255, B) || B <- [2, 16]]]),
    io:format("list_to_integer: ~w~n", [[list_to_integer(S) || S <- ["0", "42", "-17", "+5", "007", "134217727"]]]),
    io:format("list_to_integer/2: ~w~n", [[list_to_integer(S, B) || {S, B} <- [{"ff", 16}, {"FF", 16}, {"777", 8}, {"1010", 2}, {"zz", 36}, {"-1f", 16}]]]),
    io:format("list_to_integer errors: ~w~n", [[e(fun() -> list_to_integer(id(S)) end) || S <- ["", "-", "1.0", "12a", " 1", "1 "]]]),
    io:format("list_to_integer/2 errors: ~w~n", [[e(fun() -> list_to_integer(id(S), id(B)) end) || {S, B} <- [{"12", 2}, {"g", 16}, {"1", 1}, {"1", 37}]]]),
    io:format("integer_to_list/2 bad base: ~w~n", [e(fun() -> integer_to_list(10, id(40)) end)]),
    io:format("int roundtrip: ~w~n", [[list_to_integer(integer_to_list(N)) =:= N || N <- [0, 1, -1, 99999, -134217728]]]),
    %% tuples & lists
    io:format("tuple_to_list/list_to_tuple: ~w ~w~n", [tuple_to_list({a, {b}, [c]}), list_to_tuple([x, [y], {z}])]),
    %% arithmetic BIFs
    io:format("abs: ~w~n", [[abs(X) || X <- [-5, 0, 5, -134217727]]]),
    io:format("min/max: ~w~n", [[{min(A, B), max(A, B)} || {A, B} <- [{1, 2}, {2, 1}, {-3, 3}, {a, 1}, {[], {}}, {"a", "b"}]]]),
    %% lists BIFs
    io:format("hd/tl: ~w ~w ~w ~w~n", [hd([1, 2, 3]), tl([1, 2, 3]), hd([[a]]), tl([x])]),
    io:format("length: ~w~n", [[length(L) || L <- [[], [a], "hello", [[1, 2], [3]], lists:seq(1, 1000)]]]),
    io:format("lists:reverse/2: ~w~n", [lists:reverse([3, 2, 1], [4, 5, 6])]),
    io:format("lists:keyfind: ~w ~w~n", [lists:keyfind(2, 1, [{1, a}, {2, b}]), lists:keyfind(3, 1, [{1, a}])]),
    io:format("lists:keymember: ~w ~w~n", [lists:keymember(b, 2, [{1, a}, {2, b}]), lists:keymember(c, 2, [{1, a}])]),
    io:format("lists:keysearch: ~w~n", [lists:keysearch(1, 1, [{1, a}, {1, b}])]),
    io:format("lists:member: ~w ~w ~w~n", [lists:member(x, [a, x]), lists:member(x, []), lists:member([1], [[1]])]),
    io:format("erlang:length via apply: ~w~n", [apply(erlang, length, [[1, 2]])]),
    %% chars and strings
    io:format("char arith: ~w ~w ~c~n", [$a, $z - $a, $a + 1]),
    io:format("is_atom/is_list: ~w~n", [[is_atom(list_to_atom("x")), is_list(atom_to_list(x)), is_integer(list_to_integer("3"))]]),
    %% errors
    io:format("conversion errors: ~w~n", [[e(F) || F <- [
        fun() -> atom_to_list(id("abc")) end,
        fun() -> list_to_atom(id(abc)) end,
        fun() -> list_to_atom(id([a, b])) end,
        fun() -> integer_to_list(id(abc)) end,
        fun() -> list_to_integer(id(abc)) end,
        fun() -> tuple_to_list(id([a])) end,
        fun() -> list_to_tuple(id([a | b])) end,
        fun() -> hd(id([])) end,
        fun() -> tl(id(x)) end,
        fun() -> length(id([a | b])) end,
        fun() -> abs(id("1")) end]]]),
    ok.
