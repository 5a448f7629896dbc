-module(guards).
-export([start/0, id/1]).

-record(pt, {x = 0, y = 0}).

id(X) -> X.

terms() ->
    [0, 42, -7, foo, true, false, [], [1, 2], "abc", {}, {a, b}, {pt, 1, 2},
     #pt{x = 3}, fun() -> ok end, fun(A, B) -> {A, B} end, fun lists:map/2].

start() ->
    Ts = terms(),
    lists:foreach(fun({I, T}) -> io:format("~w: ~w~n", [I, type_tests(T)]) end,
                  lists:zip(lists:seq(1, length(Ts)), Ts)),
    io:format("classify: ~w~n", [[classify(T) || T <- Ts]]),
    io:format("fun arity: ~w~n", [[fun_arity(T) || T <- Ts]]),
    io:format("bool: ~w~n", [[boolish(T) || T <- Ts]]),
    io:format("elem guard: ~w~n",
              [[elem_guard(T) || T <- [{a}, {a, b}, {x, y, z}, {1, 2, 3, 4, 5}, [a], a]]]),
    io:format("size guard: ~w~n",
              [[size_guard(T) || T <- [{}, {a}, {a, b, c}, [], [a, b], "hello", x]]]),
    io:format("hd/tl guard: ~w~n",
              [[hdtl_guard(T) || T <- [[], [1], [1, 2], [x, y, z], [[a]], foo]]]),
    io:format("andalso/orelse: ~w~n", [[ao(X) || X <- [-5, 0, 3, 10, 15, 50, 100, a]]]),
    io:format("comma/semicolon: ~w~n", [[cs(X) || X <- [-5, 0, 3, 10, 15, 50, 100, a]]]),
    io:format("failing guard: ~w~n", [[fail_guard(X) || X <- [{a}, {a, b}, [], [x], 0, 5, a]]]),
    io:format("semicolon recovers: ~w~n", [[semi(X) || X <- [[], [1], {1}, 3, zz]]]),
    io:format("orelse exception: ~w~n", [[orelse_exc(X) || X <- [[], [1], {1}, 3, zz]]]),
    io:format("arith guard: ~w~n", [[arith(X) || X <- [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]]]),
    io:format("abs guard: ~w~n", [[absg(X) || X <- [-10, -3, 0, 3, 10]]]),
    io:format("bits guard: ~w~n", [[bitsg(X) || X <- [0, 1, 2, 5, 8, 255, -1]]]),
    io:format("record guard: ~w~n", [[recg(X) || X <- [#pt{}, #pt{x = 5}, {pt, 1}, {pt, a, b}, {other, 1, 2}, pt]]]),
    io:format("not/xor: ~w~n", [[nx(A, B) || A <- [true, false], B <- [true, false]]]),
    io:format("and/or strict: ~w~n", [[andor(A, B) || A <- [true, false], B <- [true, false]]]),
    io:format("cmp: ~w~n", [[cmp(A, B) || {A, B} <- [{1, 2}, {2, 1}, {2, 2}, {a, b}, {b, a}, {a, 1}, {1, a}, {{1}, {1}}, {[1], [1, 2]}, {"abc", "abd"}]]]),
    io:format("trunc/round int: ~w~n", [[tr(X) || X <- [-3, 0, 7]]]),
    io:format("in if: ~w~n", [[in_if(X) || X <- [-1, 0, 1, 10, 11, foo, "s"]]]),
    io:format("in case: ~w~n", [[in_case(X) || X <- [{ok, 1}, {ok, -1}, {ok, a}, {error, x}, {error, "x"}, other]]]),
    io:format("guard with bound var: ~w~n", [[same(A, B) || {A, B} <- [{1, 1}, {1, 2}, {a, a}, {[x], [x]}]]]),
    io:format("guard true/false lits: ~w~n", [[lit(X) || X <- [1, 2, 3]]]),
    io:format("is_function/2 var arity: ~w~n",
              [[is_function(fun(_) -> ok end, N) || N <- [0, 1, 2]]]),
    io:format("guard bif in body: ~w~n",
              [[is_atom(x), is_integer(id(3)), is_list(id([])), is_tuple(id({})), is_number(id(1)),
                is_boolean(id(0)), is_float(id(1)), is_pid(id(1)), is_reference(id(a)),
                is_port(id(a)), is_binary(id("a")), is_bitstring(id([])), is_map(id({}))]]),
    ok.

type_tests(T) ->
    [is_atom(T), is_integer(T), is_list(T), is_tuple(T), is_function(T),
     is_function(T, 0), is_function(T, 2), is_number(T), is_boolean(T),
     is_float(T), is_binary(T), is_pid(T), is_record(T, pt), is_record(T, pt, 3)].

classify(T) when is_integer(T), T < 0 -> negint;
classify(T) when is_integer(T) -> int;
classify(T) when is_boolean(T) -> bool;
classify(T) when is_atom(T) -> atom;
classify(T) when is_list(T), T =:= [] -> nil;
classify(T) when is_list(T) -> list;
classify(T) when is_record(T, pt) -> pt;
classify(T) when is_tuple(T) -> tuple;
classify(T) when is_function(T, 0) -> fun0;
classify(T) when is_function(T) -> fun_n;
classify(_) -> other.

fun_arity(F) when is_function(F, 0) -> 0;
fun_arity(F) when is_function(F, 1) -> 1;
fun_arity(F) when is_function(F, 2) -> 2;
fun_arity(F) when is_function(F) -> many;
fun_arity(_) -> no.

boolish(X) when X -> yes;
boolish(X) when not X -> no;
boolish(_) -> neither.

elem_guard(T) when element(2, T) =:= b -> second_is_b;
elem_guard(T) when element(1, T) =:= x, tuple_size(T) =:= 3 -> x3;
elem_guard(T) when tuple_size(T) > 4 -> big;
elem_guard(T) when is_tuple(T) -> tuple;
elem_guard(_) -> not_tuple.

size_guard(T) when tuple_size(T) =:= 0 -> empty_tuple;
size_guard(T) when size(T) >= 3 -> {tuple_size_ge3, size(T)};
size_guard(T) when length(T) =:= 0 -> empty_list;
size_guard(T) when length(T) > 3 -> long_list;
size_guard(T) when length(T) > 0 -> {list, length(T)};
size_guard(T) when is_tuple(T) -> small_tuple;
size_guard(_) -> other.

hdtl_guard(L) when hd(L) =:= x, tl(L) =:= [y, z] -> xyz;
hdtl_guard(L) when is_list(hd(L)) -> head_is_list;
hdtl_guard(L) when tl(L) =:= [] -> singleton;
hdtl_guard(L) when hd(L) > 0 -> {pos_head, hd(L)};
hdtl_guard(_) -> other.

ao(X) when is_integer(X) andalso (X < 0 orelse X > 99) -> out_of_range;
ao(X) when X >= 10 andalso X =< 20 -> teen;
ao(X) when X =:= 0 orelse X =:= 3 -> special;
ao(_) -> normal.

cs(X) when is_integer(X), X < 0; is_integer(X), X > 99 -> out_of_range;
cs(X) when X >= 10, X =< 20 -> teen;
cs(X) when X =:= 0; X =:= 3 -> special;
cs(_) -> normal.

fail_guard(X) when element(2, X) =:= b -> has_b;
fail_guard(X) when hd(X) =:= x -> head_x;
fail_guard(X) when 10 div X > 1 -> div_ok;
fail_guard(X) when X + 1 > 0 -> plus;
fail_guard(_) -> fallthrough.

semi(X) when hd(X) =:= 1; is_tuple(X); X > 2 -> matched;
semi(_) -> no.

orelse_exc(X) when hd(X) =:= 1 orelse is_tuple(X) orelse X > 2 -> matched;
orelse_exc(_) -> no.

arith(X) when X rem 3 =:= 0, X div 3 > 1 -> fizz_big;
arith(X) when X rem 3 =:= 0 -> fizz;
arith(X) when X * X > 40 -> sq_big;
arith(X) when -X < -4 -> neg;
arith(X) when X - 1 =:= 0 -> one;
arith(_) -> small.

absg(X) when abs(X) > 5 -> far;
absg(X) when abs(X) > 0 -> near;
absg(_) -> zero.

bitsg(X) when X band 1 =:= 1, X bsr 4 > 0 -> odd_big;
bitsg(X) when X band 1 =:= 1 -> odd;
bitsg(X) when X bor 4 =:= X -> has4;
bitsg(X) when bnot X =:= -1 -> zero;
bitsg(X) when (X bxor 2) < X -> has2;
bitsg(X) when X bsl 2 > 20 -> shifted;
bitsg(_) -> other.

recg(R) when is_record(R, pt), R#pt.x > 0 -> {pt_pos, R#pt.x};
recg(R) when is_record(R, pt) -> pt;
recg(R) when is_record(R, pt, 2) -> pt2;
recg(R) when element(1, R) =:= pt -> pt_other;
recg(_) -> other.

nx(A, B) when not A, not B -> none;
nx(A, B) when A xor B -> one;
nx(_, _) -> both.

andor(A, B) when A and B -> and_;
andor(A, B) when A or B -> or_;
andor(_, _) -> neither.

cmp(A, B) ->
    [A == B, A /= B, A =:= B, A =/= B, A < B, A > B, A =< B, A >= B].

tr(X) when trunc(X) =:= X, round(X) =:= X, float(X) == X -> same;
tr(_) -> diff.

in_if(X) ->
    if
        is_integer(X), X < 0 -> neg;
        X =:= 0 -> zero;
        is_integer(X) andalso X =< 10 -> small;
        is_integer(X) -> big;
        is_atom(X) -> atom;
        true -> other
    end.

in_case(T) ->
    case T of
        {ok, N} when is_integer(N), N > 0 -> pos_ok;
        {ok, N} when is_integer(N) -> nonpos_ok;
        {ok, _} -> weird_ok;
        {error, R} when is_atom(R) -> {error_atom, R};
        {error, R} when is_list(R) -> error_string;
        _ -> other
    end.

same(A, B) when A =:= B -> same;
same(_, _) -> different.

lit(X) when true, X > 1 -> gt1;
lit(X) when X =:= never -> never;
lit(X) -> {lit, X}.
