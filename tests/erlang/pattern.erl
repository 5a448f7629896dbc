-module(pattern).
-export([start/0, id/1]).

id(X) -> X.

start() ->
    io:format("shape: ~w~n", [[shape(S) || S <- [{circle, 3}, {rect, 2, 5}, {square, 4}, {tri, 3, 4, 5}, blob]]]),
    io:format("nested: ~w~n", [[nested(T) || T <- [{a, {b, {c, 1}}}, {a, {b, {d, 2}}}, {a, {x, y}}, {a, [1, {k, v}]}, {a, [1, 2]}, z]]]),
    io:format("list shapes: ~w~n", [[lshape(L) || L <- [[], [a], [a, b], [a, b, c], [a, b, c, d], [a, b, a], [[x] | y], improper_tail()]]]),
    io:format("strings: ~w~n", [[str(S) || S <- ["hello", "help", "he", "", "world", "hello world", "x"]]]),
    io:format("prefix: ~p~n", [[prefix(S) || S <- ["GET /index", "POST /form", "PUT x", "DELETE /y"]]]),
    io:format("repeated: ~w~n", [[rep(T) || T <- [{1, 1}, {1, 2}, {a, a, a}, {a, b, a}, {[1, 2], [1, 2]}, {x, {x}}, {y, {x}}]]]),
    io:format("eq patterns: ~w~n", [[eqpat(T) || T <- [{pair, 1, 2}, {pair, a, b}, [1, 2, 3], "abc"]]]),
    %% match expressions
    {A, B} = {1, 2},
    [H | T] = [10, 20, 30],
    {_, [_, Second | _], _} = {x, [a, b, c, d], y},
    X = Y = {same, thing},
    io:format("match: ~w ~w ~w ~w ~w ~w ~w~n", [A, B, H, T, Second, X, Y]),
    {ok, {V1, V2}} = {ok, {id(100), id(200)}},
    io:format("nested match: ~w~n", [V1 + V2]),
    [P, Q, R] = "xyz",
    io:format("string match: ~w ~w ~w~n", [P, Q, R]),
    "abc" ++ Rest = "abcdefg",
    io:format("prefix match: ~s~n", [Rest]),
    %% bound variables in patterns
    K = key2,
    Found = [Val || {Key, Val} <- [{key1, 1}, {key2, 2}, {key3, 3}, {key2, 22}], Key =:= K],
    io:format("bound key: ~w~n", [Found]),
    io:format("find: ~w~n", [[find(Kx, [{a, 1}, {b, 2}, {c, 3}]) || Kx <- [a, c, d]]]),
    %% case with many clauses
    io:format("case: ~w~n", [[cs(V) || V <- [0, 1, 2, {1, 2}, {2, 1}, [1], [1, 2], a, "a", {}]]]),
    %% integer and atom literal patterns
    io:format("literal: ~w~n", [[lit(V) || V <- [0, -1, 1000000, 'hello world', [], {}, {{}}, [[]], 7]]]),
    %% characters
    io:format("chars: ~w~n", [[chr(C) || C <- "aZ5 _\n"]]),
    %% underscore variables
    io:format("underscore: ~w~n", [[und(V) || V <- [{1, 2, 3}, {1, 2}, [a, b]]]]),
    %% if
    io:format("if: ~w~n", [[ifx(V) || V <- [-3, 0, 4, 100]]]),
    %% match in function arguments with both pattern & guard
    io:format("zip pairs: ~w~n", [pairs([1, 2, 3, 4, 5, 6, 7])]),
    io:format("rle: ~w~n", [rle("aaabccdddde")]),
    io:format("unrle: ~s~n", [unrle(rle("aaabccdddde"))]),
    io:format("tuple swap: ~w~n", [[swap(T1) || T1 <- [{1, 2}, {a, {b, c}}]]]),
    io:format("deep: ~w~n", [deep({1, [2, {3, [4, {5, []}]}]})]),
    io:format("last two: ~w~n", [[last2(L) || L <- [[1, 2], [1, 2, 3, 4], "abcdef"]]]),
    io:format("match result used: ~w~n", [(fun() -> {Z1, _} = Z = {7, 8}, {Z1, Z} end)()]),
    io:format("badmatch: ~w~n", [try {ok, _} = id({error, x}) catch error:E -> E end]),
    io:format("fn clause: ~w~n", [try shape(id(nope)) catch error:E2 -> E2 end]),
    ok.

improper_tail() -> [a | b].

shape({circle, R}) -> {circle_area3, 3 * R * R};
shape({rect, W, H}) -> {rect_area, W * H};
shape({square, S}) -> shape({rect, S, S});
shape({tri, _, _, _} = T) -> {triangle, tuple_size(T)};
shape(blob) -> blob.

nested({a, {b, {c, N}}}) -> {c, N};
nested({a, {b, {_, N}}}) -> {other, N};
nested({a, [_, {K, V}]}) -> {kv, K, V};
nested({a, [_ | _] = L}) -> {list, length(L)};
nested({a, _}) -> a_other;
nested(_) -> none.

lshape([]) -> empty;
lshape([_]) -> one;
lshape([_, _]) -> two;
lshape([X, _, X]) -> same_ends;
lshape([_, _, _]) -> three;
lshape([[_] | T]) when not is_list(T) -> improper_singleton_head;
lshape([_ | T]) when is_list(T) -> {many, length(T) + 1};
lshape([_ | _]) -> improper.

str("hello") -> hello;
str("hel" ++ _) -> hel_prefix;
str([$h | _]) -> h_prefix;
str([]) -> empty;
str([C]) -> {single, C};
str(S) -> {other, length(S)}.

prefix("GET " ++ Path) -> {get, Path};
prefix("POST " ++ Path) -> {post, Path};
prefix([$P, $U, $T, $\s | Path]) -> {put, Path};
prefix(Other) -> {unknown, Other}.

rep({X, X}) -> pair_same;
rep({X, _, X}) -> ends_same;
rep({X, {X}}) -> inner_same;
rep(_) -> different.

eqpat({pair, A, B} = P) when is_integer(A) -> {int_pair, A + B, element(1, P)};
eqpat(P = {pair, _, _}) -> {pair, P};
eqpat([F | _] = L) when is_integer(F), F > 10 -> {string_like, length(L)};
eqpat([F | R] = L) -> {list, F, R, L}.

find(_, []) -> notfound;
find(K, [{K, V} | _]) -> {found, V};
find(K, [_ | T]) -> find(K, T).

cs(V) ->
    case V of
        0 -> zero;
        1 -> one;
        {X, Y} when X < Y -> ordered;
        {_, _} -> unordered;
        [_] -> singleton;
        [_ | _] -> list;
        A when is_atom(A) -> atom;
        {} -> empty_tuple;
        _ -> other
    end.

lit(0) -> zero;
lit(-1) -> minus_one;
lit(1000000) -> million;
lit('hello world') -> quoted_atom;
lit([]) -> nil;
lit({}) -> empty;
lit({{}}) -> nested_empty;
lit([[]]) -> list_of_nil;
lit(N) -> {other, N}.

chr(C) when C >= $a, C =< $z -> lower;
chr(C) when C >= $A, C =< $Z -> upper;
chr(C) when C >= $0, C =< $9 -> digit;
chr($\s) -> space;
chr($\n) -> newline;
chr($_) -> underscore;
chr(_) -> other.

und({_, _Mid, _}) -> three;
und({_First, _}) -> two;
und(_Any) -> any.

ifx(X) ->
    if X < 0 -> negative;
       X =:= 0 -> zero;
       X < 10 -> small;
       true -> large
    end.

pairs([A, B | T]) -> [{A, B} | pairs(T)];
pairs([A]) -> [{A}];
pairs([]) -> [].

rle([]) -> [];
rle([C | T]) -> rle(T, C, 1).
rle([C | T], C, N) -> rle(T, C, N + 1);
rle([D | T], C, N) -> [{C, N} | rle(T, D, 1)];
rle([], C, N) -> [{C, N}].

unrle(L) -> lists:flatmap(fun({C, N}) -> lists:duplicate(N, C) end, L).

swap({A, B}) -> {B, A}.

deep({A, [B, {C, [D, {E, []}]}]}) -> A + B + C + D + E.

last2([A, B]) -> {A, B};
last2([_ | T]) -> last2(T).
