-module(bignum).
-export([start/0, id/1]).

id(X) -> X.

fact(0) -> 1;
fact(N) -> N * fact(N - 1).

fib(N) -> fib(N, 0, 1).
fib(0, A, _) -> A;
fib(N, A, B) -> fib(N - 1, B, A + B).

pow(_, 0) -> 1;
pow(B, E) -> B * pow(B, E - 1).

start() ->
    io:format("2^27 boundary: ~w ~w ~w~n", [134217727 + 1, -134217728 - 1, id(134217727) * 2]),
    io:format("2^31/2^32: ~w ~w ~w~n", [pow(2, 31), pow(2, 32), pow(2, 32) - 1]),
    io:format("2^59..2^64: ~w~n", [[pow(2, N) || N <- [59, 60, 62, 63, 64]]]),
    io:format("neg 2^63: ~w ~w~n", [-pow(2, 63), -pow(2, 63) - 1]),
    io:format("fact 20: ~w~n", [fact(20)]),
    io:format("fact 30: ~w~n", [fact(30)]),
    io:format("fact 50: ~w~n", [fact(50)]),
    io:format("fib 100: ~w~n", [fib(100)]),
    io:format("fib 300: ~w~n", [fib(300)]),
    io:format("2^200: ~w~n", [pow(2, 200)]),
    io:format("3^100: ~w~n", [pow(3, 100)]),
    A = pow(10, 30) + 7, B = pow(10, 15) + 3,
    io:format("add/sub: ~w ~w~n", [A + B, A - B]),
    io:format("mul: ~w~n", [A * B]),
    io:format("div/rem: ~w ~w~n", [A div B, A rem B]),
    io:format("neg div/rem: ~w ~w ~w ~w~n", [-A div B, -A rem B, A div -B, A rem -B]),
    io:format("div identity: ~w~n", [(A div B) * B + A rem B =:= A]),
    io:format("demote to small: ~w ~w~n", [pow(2, 100) div pow(2, 98), pow(2, 64) - pow(2, 64) + 5]),
    io:format("compare: ~w~n", [[A > B, B < A, A =:= A + 0, pow(2, 64) > 1, -pow(2, 64) < -1, pow(2, 64) == pow(2, 64)]]),
    io:format("sort mixed: ~w~n", [lists:sort([pow(2, 70), -pow(2, 70), 0, 5, -5, pow(2, 40)])]),
    io:format("band/bor/bxor: ~w ~w ~w~n", [pow(2, 70) bor 1, (pow(2, 70) + 255) band 16#f0, pow(2, 65) bxor pow(2, 64)]),
    io:format("bnot: ~w ~w~n", [bnot pow(2, 64), bnot -pow(2, 64)]),
    io:format("bsl/bsr: ~w ~w ~w~n", [1 bsl 100, pow(2, 100) bsr 90, -pow(2, 100) bsr 99]),
    io:format("neg band: ~w~n", [-pow(2, 64) band (pow(2, 66) - 1)]),
    io:format("abs: ~w~n", [abs(-pow(3, 50))]),
    io:format("integer_to_list: ~s~n", [integer_to_list(pow(7, 40))]),
    io:format("integer_to_list/2: ~s ~s~n", [integer_to_list(pow(2, 64), 16), integer_to_list(-pow(2, 70), 36)]),
    io:format("list_to_integer: ~w~n", [list_to_integer("123456789012345678901234567890")]),
    io:format("list_to_integer/2: ~w~n", [list_to_integer("FFFFFFFFFFFFFFFFFFFF", 16)]),
    io:format("~~b/~~x: ~.16B ~.2B ~.16x~n", [pow(2, 64) + 15, pow(2, 65), -pow(2, 64), "0x"]),
    io:format("~~p: ~p~n", [{big, pow(10, 25)}]),
    io:format("width: [~30w]~n", [pow(10, 20)]),
    io:format("sum of big list: ~w~n", [lists:sum([pow(2, N) || N <- lists:seq(0, 99)])]),
    io:format("is_integer: ~w~n", [is_integer(pow(2, 100))]),
    io:format("match big: ~w~n", [case pow(2, 64) of 18446744073709551616 -> matched; _ -> no end]),
    io:format("div by zero: ~w~n", [try pow(2, 64) div id(0) catch C:R -> {C, R} end]),
    ok.
