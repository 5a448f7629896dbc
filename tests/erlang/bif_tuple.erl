-module(bif_tuple).
-export([start/0, id/1]).

id(X) -> X.

start() ->
    T = {a, b, c, d},
    io:format("element: ~w~n", [[element(I, T) || I <- [1, 2, 3, 4]]]),
    io:format("tuple_size: ~w~n", [[tuple_size(X) || X <- [{}, {1}, T, {a, {b, c}}]]]),
    io:format("size: ~w~n", [[size(X) || X <- [{}, T]]]),
    io:format("setelement: ~w~n", [[setelement(I, T, x) || I <- [1, 2, 3, 4]]]),
    io:format("setelement original: ~w~n", [T]),
    io:format("setelement chain: ~w~n", [setelement(1, setelement(4, T, z), y)]),
    io:format("make_tuple/2: ~w ~w ~w~n", [erlang:make_tuple(3, x), erlang:make_tuple(0, x), erlang:make_tuple(1, [])]),
    io:format("make_tuple/3: ~w~n", [erlang:make_tuple(5, def, [{2, two}, {4, four}])]),
    io:format("make_tuple/3 repeat: ~w~n", [erlang:make_tuple(3, d, [{1, a}, {1, b}])]),
    io:format("append_element: ~w ~w~n", [erlang:append_element({a, b}, c), erlang:append_element({}, only)]),
    io:format("tuple_to_list: ~w ~w~n", [tuple_to_list(T), tuple_to_list({})]),
    io:format("list_to_tuple: ~w ~w~n", [list_to_tuple([1, [2], {3}]), list_to_tuple([])]),
    io:format("roundtrip: ~w~n", [list_to_tuple(tuple_to_list(T)) =:= T]),
    Big = list_to_tuple(lists:seq(1, 1000)),
    io:format("big tuple: ~w ~w ~w~n", [tuple_size(Big), element(500, Big), element(1000, Big)]),
    Big2 = setelement(1000, Big, last),
    io:format("big setelement: ~w ~w~n", [element(1000, Big2), element(1000, Big)]),
    io:format("sum via element: ~w~n", [sum_tuple(Big, tuple_size(Big), 0)]),
    io:format("tuple equality: ~w ~w~n", [{a, [1]} =:= {a, [1]}, {a, [1]} =:= {a, [2]}]),
    io:format("tuple of tuples: ~w~n", [element(2, element(2, {x, {y, z}}))]),
    io:format("reverse tuple: ~w~n", [rev_tuple({1, 2, 3, 4, 5})]),
    io:format("map over tuple: ~w~n", [list_to_tuple([X * X || X <- tuple_to_list({1, 2, 3})])]),
    io:format("is_tuple: ~w~n", [[is_tuple(X) || X <- [{}, {a}, [], a, "t"]]]),
    io:format("erlang:element/2: ~w~n", [erlang:element(2, {p, q})]),
    io:format("tuple as array update: ~w~n", [swap_elems({a, b, c, d, e}, 2, 4)]),
    io:format("errors: ~w~n", [[catch_err(F) || F <- [
        fun() -> element(0, id(T)) end,
        fun() -> element(5, id(T)) end,
        fun() -> setelement(0, id(T), x) end,
        fun() -> setelement(5, id(T), x) end,
        fun() -> erlang:make_tuple(id(-1), x) end,
        fun() -> erlang:make_tuple(2, x, [{3, y}]) end,
        fun() -> erlang:append_element(id(notuple), x) end,
        fun() -> tuple_size(id("list")) end,
        fun() -> list_to_tuple(id({a})) end]]]),
    ok.

sum_tuple(_, 0, Acc) -> Acc;
sum_tuple(T, I, Acc) -> sum_tuple(T, I - 1, Acc + element(I, T)).

rev_tuple(T) -> list_to_tuple(lists:reverse(tuple_to_list(T))).

swap_elems(T, I, J) ->
    A = element(I, T), B = element(J, T),
    setelement(J, setelement(I, T, B), A).

catch_err(F) ->
    try F() catch C:R -> {C, R} end.
