-module(bool_ops).
-export([start/0, id/1]).

id(X) -> X.

e(F) -> try F() catch C:R -> {C, R} end.

start() ->
    Bs = [true, false],
    io:format("and: ~w~n", [[A and B || A <- Bs, B <- Bs]]),
    io:format("or: ~w~n", [[A or B || A <- Bs, B <- Bs]]),
    io:format("xor: ~w~n", [[A xor B || A <- Bs, B <- Bs]]),
    io:format("not: ~w~n", [[not A || A <- Bs]]),
    io:format("andalso: ~w~n", [[A andalso B || A <- Bs, B <- Bs]]),
    io:format("orelse: ~w~n", [[A orelse B || A <- Bs, B <- Bs]]),
    io:format("andalso short-circuit: ~w~n", [id(false) andalso error(not_evaluated)]),
    io:format("orelse short-circuit: ~w~n", [id(true) orelse error(not_evaluated)]),
    io:format("andalso non-bool rhs: ~w~n", [id(true) andalso id(42)]),
    io:format("orelse non-bool rhs: ~w~n", [id(false) orelse id(hello)]),
    io:format("andalso tail value: ~w~n", [id(true) andalso id([1, 2])]),
    io:format("and non-bool: ~w~n", [e(fun() -> id(true) and id(1) end)]),
    io:format("or non-bool: ~w~n", [e(fun() -> id(1) or id(false) end)]),
    io:format("not non-bool: ~w~n", [e(fun() -> not id(0) end)]),
    io:format("xor non-bool: ~w~n", [e(fun() -> id(a) xor id(true) end)]),
    io:format("andalso non-bool lhs: ~w~n", [e(fun() -> id(1) andalso true end)]),
    io:format("orelse non-bool lhs: ~w~n", [e(fun() -> id(x) orelse true end)]),
    io:format("and evaluates both: ~w~n", [e(fun() -> id(false) and error(evaluated) end)]),
    io:format("precedence: ~w ~w ~w~n", [not true or true, not (true or true), true or false and false]),
    io:format("comparison chain: ~w~n", [(1 < 2) =:= (2 > 1)]),
    io:format("nested: ~w~n", [[nested(X) || X <- [-5, 0, 5, 50, 500]]]),
    io:format("recursive andalso (deep): ~w~n", [all_pos(lists:seq(1, 100000))]),
    io:format("recursive orelse (deep): ~w~n", [any_neg(lists:seq(1, 100000))]),
    io:format("bool as data: ~w~n", [lists:foldl(fun(B, Acc) -> Acc xor B end, false, [true, true, true])]),
    io:format("is_boolean: ~w~n", [[is_boolean(X) || X <- [true, false, 'true', 1, [], "true"]]]),
    io:format("atoms compare: ~w ~w~n", [false < true, true > 'false']),
    ok.

nested(X) ->
    (X > 0 andalso X < 10) orelse (X >= 100 andalso not (X > 1000)).

%% andalso/orelse in tail position allow constant-space recursion
all_pos([]) -> true;
all_pos([H | T]) -> H > 0 andalso all_pos(T).

any_neg([]) -> false;
any_neg([H | T]) -> H < 0 orelse any_neg(T).
