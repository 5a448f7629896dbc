-module(big_fact).
-export([start/0]).

%% Large products and their printing: factorials, powers, Fibonacci, and
%% division back down to small integers.

fact(0) -> 1;
fact(N) -> N * fact(N - 1).

pow(_, 0) -> 1;
pow(B, E) when E rem 2 =:= 0 -> H = pow(B, E div 2), H * H;
pow(B, E) -> B * pow(B, E - 1).

fib(N) -> fib(N, 0, 1).
fib(0, A, _) -> A;
fib(N, A, B) -> fib(N - 1, B, A + B).

digit_sum(0) -> 0;
digit_sum(N) -> N rem 10 + digit_sum(N div 10).

start() ->
    F1000 = fact(1000),
    io:format("fact(1000) = ~w~n", [F1000]),
    io:format("fact(1000) ~~p: ~p~n", [F1000]),
    io:format("digits: ~w~n", [length(integer_to_list(F1000))]),
    io:format("digit sum: ~w~n", [digit_sum(F1000)]),
    io:format("fact(1000) div fact(998): ~w~n", [F1000 div fact(998)]),
    io:format("fact(1000) rem fact(500) + 1: ~w~n", [F1000 rem (fact(500) + 1)]),
    io:format("trailing zeros: ~w~n", [trailing_zeros(F1000)]),
    F2000 = fact(2000),
    io:format("fact(2000) / fact(1000) squared (div): ~w~n", [F2000 div (F1000 * F1000)]),
    io:format("binomial(2000,1000) rem 1000000007: ~w~n", [(F2000 div (F1000 * F1000)) rem 1000000007]),
    P = pow(3, 20000),
    io:format("3^20000 digits: ~w, head ~s, tail ~s~n",
              [length(integer_to_list(P)), lists:sublist(integer_to_list(P), 30),
               lists:nthtail(length(integer_to_list(P)) - 30, integer_to_list(P))]),
    io:format("3^20000 round trip: ~w~n", [list_to_integer(integer_to_list(P)) =:= P]),
    io:format("3^20000 div 3^19990: ~w~n", [P div pow(3, 19990)]),
    io:format("2^4000 - 1 = ~w~n", [pow(2, 4000) - 1]),
    io:format("-(7^500) = ~w~n", [-pow(7, 500)]),
    io:format("fib(1000) = ~w~n", [fib(1000)]),
    io:format("gcd(fib(1000), fib(999)): ~w~n", [gcd(fib(1000), fib(999))]),
    io:format("gcd(fact(300), 2^400): ~w~n", [gcd(fact(300), pow(2, 400))]),
    io:format("width ~~120w: [~120w]~n", [fact(40)]),
    io:format("~~-60w: [~-60w]~n", [-fact(30)]),
    io:format("~~p list: ~p~n", [[fact(N) || N <- lists:seq(20, 40, 5)]]),
    io:format("~~s of integer_to_list: ~s~n", [integer_to_list(-fact(45))]),
    io:format("integer_to_binary: ~s~n", [integer_to_binary(fact(35))]),
    ok.

trailing_zeros(N) when N rem 10 =:= 0 -> 1 + trailing_zeros(N div 10);
trailing_zeros(_) -> 0.

gcd(A, 0) -> A;
gcd(A, B) -> gcd(B, A rem B).
