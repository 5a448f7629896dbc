-module(maps_match).
-export([start/0, id/1]).

%% Map pattern matching, update syntax, guards, maps as keys, nested maps:
%% on small and large maps (large ones are never printed whole: their
%% printing order is OTP's hash order).

id(X) -> X.

show(Label, T) -> io:format("~s: ~p~n", [Label, T]).

big(N) -> maps:from_list([{I, I * 10} || I <- lists:seq(1, N)]).

classify(#{type := circle, r := R}) -> {circle, R};
classify(#{type := square, side := S}) -> {square, S};
classify(#{type := T}) -> {other, T};
classify(M) when is_map(M) -> no_type;
classify(_) -> not_a_map.

guarded(M) when is_map_key(k, M), map_get(k, M) > 10 -> big_k;
guarded(M) when is_map_key(k, M) -> small_k;
guarded(M) when map_size(M) > 40 -> large;
guarded(M) when is_map(M) -> other;
guarded(_) -> not_map.

lookup(K, M) ->
    case M of
        #{K := V} -> {found, V};
        #{} -> missing
    end.

two(#{1 := A, 40 := B}) -> {A, B};
two(_) -> nomatch.

start() ->
    show("classify", [classify(id(#{type => circle, r => 2})),
                      classify(id(#{type => square, side => 3})),
                      classify(id(#{type => hexagon})),
                      classify(id(#{r => 1})), classify(id(42))]),
    show("guards", [guarded(id(#{k => 11})), guarded(id(#{k => 1})),
                    guarded(id(big(41))), guarded(id((big(41))#{k => 50})),
                    guarded(id(#{})), guarded(id(x))]),
    show("variable key", [lookup(2, id(#{2 => two})), lookup(3, id(#{2 => two})),
                          lookup(1.0, id(#{1 => int})), lookup({a, [b]}, id(#{{a, [b]} => t}))]),
    B = id(big(100)),
    show("large match", {two(B), two(id(#{1 => a})), lookup(77, B), lookup(101, B)}),
    #{50 := V50, 99 := V99} = B,
    show("large bind", {V50, V99}),
    %% Update syntax: => adds or replaces, := only replaces.
    M0 = id(#{1 => a}),
    M1 = M0#{2 => b, 1 => aa},
    show("assoc", M1),
    M2 = M1#{2 := bb},
    show("exact", M2),
    show("exact missing", try (id(M2))#{3 := c} catch error:R1 -> R1 end),
    show("exact large missing", try (id(B))#{0 := c} catch error:R2 -> R2 end),
    show("badmap", try (id([]))#{a => 1} catch error:R3 -> R3 end),
    show("badmap exact", try (id(<<>>))#{a := 1} catch error:R4 -> R4 end),
    B2 = B#{1 := one, 200 => new},
    show("large update", {map_size(B2), maps:get(1, B2), maps:get(200, B2), maps:get(1, B)}),
    %% Crossing the boundary with update syntax.
    S32 = id(big(32)),
    S33 = S32#{33 => x},
    show("cross up", {map_size(S32), map_size(S33), maps:get(33, S33), S33 =:= (big(32))#{33 => x}}),
    Many = S32#{a => 1, b => 2, c => 3},
    show("cross up many", {map_size(Many), lists:sort([K || K <- maps:keys(Many), is_atom(K)])}),
    %% Nested maps.
    N = id(#{cfg => #{depth => #{level => 3}}, list => [#{1 => 2}]}),
    #{cfg := #{depth := #{level := L}}} = N,
    show("nested", L),
    N2 = N#{cfg := #{depth => #{level => L + 1}}},
    #{cfg := #{depth := #{level := L2}}} = N2,
    show("nested update", {L2, N =:= N2}),
    %% Maps as keys, small and large, also in large maps.
    KB = id(big(40)),
    MK = id(#{KB => large_key, #{1 => 10} => small_key}),
    show("map keys", {maps:get(big(40), MK), maps:get(#{1 => 10}, MK),
                      maps:find(big(39), MK), map_size(MK)}),
    BK = maps:from_list([{#{I => I}, I} || I <- lists:seq(1, 50)]),
    show("large with map keys", {map_size(BK), maps:get(#{7 => 7}, BK), maps:find(#{7 => 7.0}, BK)}),
    %% Key equality is exact in patterns too.
    F = id(#{1 => int, 2.0 => float}),
    show("exact keys", {lookup(1, F), lookup(1.0, F), lookup(2, F), lookup(2.0, F)}),
    %% Map comprehensions over generators of pairs (OTP 26+ syntax avoided).
    show("comprehension", lists:sort([{K, V} || {K, V} <- maps:to_list(B), K rem 25 =:= 0])),
    %% Equality of large maps built differently.
    Rev = maps:from_list([{I, I * 10} || I <- lists:seq(100, 1, -1)]),
    show("large eq", {B =:= Rev, B == Rev, B =:= Rev#{1 := 10.0}, B == Rev#{1 := 10.0},
                      B < Rev#{100 := 1001}, B > Rev#{100 := 999}, B < Rev#{101 => 0}}),
    show("large vs small order", {big(33) > big(32), big(40) < #{0 => 0, 41 => 0} }),
    show("large keys vs 1.0", {maps:from_list([{1.0, a} | maps:to_list(big(40))]) > (big(40))#{0 => a}}),
    %% Deeply nested maps as keys of a large map (hashed and compared
    %% without recursion).
    Deep = fun() -> lists:foldl(fun(I, Acc) -> #{I => Acc, x => I} end, leaf,
                                lists:seq(1, 50000)) end,
    D1 = Deep(),
    BD = (big(40))#{D1 => deep, {D1} => tuple},
    D2 = Deep(),
    show("deep keys", {maps:get(D2, BD), maps:get({D2}, BD), D1 =:= D2, D1 == D2,
                       maps:find(#{1 => leaf, x => 1}, BD)}),
    ok.
