-module(stdlib_otp27_sets).
-export([start/0, id/1]).

%% The functions OTP 27 added to ordsets, sets, gb_sets and gb_trees
%% (map, filtermap, is_equal, larger, smaller, reversed iterators). OTP 25
%% lacks them, so every check is written to print the same on every
%% release: a call that raises `undef` (OTP 25) counts as passing, any
%% other result is compared with a model built from OTP 25 functions, and
%% the reference OTP 27 and 29 runs confirm the models and the expected
%% error reasons.

id(X) -> X.

show(Label, T) -> io:format("~s: ~p~n", [Label, T]).

%% Result of F checked by Check, or true when F does not exist.
chk(F, Check) ->
    try F() of
        V -> Check(V)
    catch
        error:undef -> true
    end.

%% F must raise error:Reason (or not exist).
err(F, Reason) ->
    try F() of
        V -> {unexpected, V}
    catch
        error:undef -> true;
        error:Reason -> true;
        C:R -> {C, R}
    end.

walk(Iter) -> walk(Iter, gb_sets).

walk(Iter, M) ->
    case M:next(Iter) of
        {X, Next} -> [X | walk(Next, M)];
        {K, V, Next} -> [{K, V} | walk(Next, M)];
        none -> []
    end.

next(S) -> (S * 1103515245 + 12345) rem 2147483648.

rand_list(Seed, 0, Acc) -> {Seed, Acc};
rand_list(Seed, N, Acc) ->
    S1 = next(Seed),
    V = (S1 div 65536) rem 60,
    rand_list(S1, N - 1, [case S1 rem 3 of 0 -> float(V); _ -> V end | Acc]).

start() ->
    show("random", [one_round(Seed) || Seed <- lists:seq(1, 60)]),
    V2 = [{version, 2}],
    show("errors",
         [err(fun() -> ordsets:map(x, [1]) end, function_clause),
          err(fun() -> ordsets:map(fun(X) -> X end, x) end, {case_clause, x}),
          err(fun() -> ordsets:filtermap(fun(X) -> X end, [1]) end, {case_clause, 1}),
          err(fun() -> ordsets:filtermap(fun(_) -> true end, x) end, function_clause),
          err(fun() -> ordsets:is_equal(x, []) end, function_clause),
          err(fun() -> sets:map(x, sets:new(V2)) end, function_clause),
          err(fun() -> sets:is_equal(x, sets:new(V2)) end, function_clause),
          err(fun() -> sets:filtermap(fun(X) -> X end, sets:from_list([1], V2)) end, {case_clause, 1}),
          err(fun() -> gb_sets:map(x, gb_sets:new()) end, function_clause),
          err(fun() -> gb_sets:is_equal(x, gb_sets:new()) end, function_clause),
          err(fun() -> gb_sets:filtermap(fun(X) -> X end, gb_sets:from_list([1])) end, {case_clause, 1}),
          err(fun() -> gb_sets:larger(1, x) end, function_clause),
          err(fun() -> gb_sets:smaller(1, x) end, function_clause),
          err(fun() -> gb_sets:iterator(gb_sets:new(), x) end, function_clause),
          err(fun() -> gb_sets:iterator_from(1, gb_sets:new(), x) end, function_clause),
          err(fun() -> gb_trees:larger(1, x) end, function_clause),
          err(fun() -> gb_trees:smaller(1, x) end, function_clause),
          err(fun() -> gb_trees:iterator(gb_trees:empty(), x) end, function_clause),
          err(fun() -> gb_trees:iterator_from(1, gb_trees:empty(), x) end, function_clause)]),
    ok.

%% One pseudo-random round: every new function on sets built from two
%% random lists (with equal integers and floats) against its model.
one_round(Seed) ->
    {S1, L0} = rand_list(Seed, Seed rem 40, []),
    {S2, L1} = rand_list(S1, S1 rem 40, []),
    X = S2 rem 61,
    Xf = float(X),
    F = fun(Y) -> trunc(Y) div 3 end,
    FM = fun(Y) when Y > 20 -> {true, trunc(Y) div 4}; (Y) -> Y < 10 end,
    FMl = fun(L) -> lists:filtermap(FM, L) end,
    O0 = lists:usort(L0),
    O1 = lists:usort(L1),
    V2 = [{version, 2}],
    %% Sorted so that 1 and 1.0 (both may be in a set) come in one order.
    Key = fun(L) -> lists:sort([{E, is_float(E)} || E <- L]) end,
    Sl = fun(S) -> Key(sets:to_list(S)) end,
    G0 = gb_sets:from_list(L0),
    T0 = lists:foldl(fun(K, A) -> gb_trees:enter(K, K * 2, A) end, gb_trees:empty(), L0),
    Above = fun(L, K) -> [E || E <- L, E > K] end,
    Below = fun(L, K) -> [E || E <- L, E < K] end,
    First = fun([]) -> none; ([E | _]) -> {found, E} end,
    Pair = fun(none) -> none; ({found, K}) -> {K, gb_trees:get(K, T0)} end,
    Checks =
        [chk(fun() -> ordsets:map(F, O0) end, fun(R) -> R =:= lists:usort(lists:map(F, O0)) end),
         chk(fun() -> ordsets:filtermap(FM, O0) end, fun(R) -> R =:= lists:usort(FMl(O0)) end),
         chk(fun() -> ordsets:is_equal(O0, O1) end, fun(R) -> R =:= (O0 == O1) end),
         chk(fun() -> ordsets:is_equal(O0, lists:usort([Xf | O0])) end,
             fun(R) -> R =:= (O0 == lists:usort([Xf | O0])) end),
         chk(fun() -> sets:map(F, sets:from_list(L0, V2)) end,
             fun(R) -> Sl(R) =:= Key(lists:usort(lists:map(F, L0))) end),
         chk(fun() -> sets:filtermap(FM, sets:from_list(L0, V2)) end,
             fun(R) -> Sl(R) =:= Key(maps:keys(maps:from_keys(FMl(L0), []))) end),
         chk(fun() -> sets:is_equal(sets:from_list(L0, V2), sets:from_list(L1, V2)) end,
             fun(R) -> R =:= (Sl(sets:from_list(L0, V2)) =:= Sl(sets:from_list(L1, V2))) end),
         chk(fun() -> sets:is_equal(sets:from_list(L0, V2), sets:from_list(lists:reverse(L0), V2)) end,
             fun(R) -> R end),
         chk(fun() -> gb_sets:map(F, G0) end,
             fun(R) -> R =:= gb_sets:from_list(lists:map(F, gb_sets:to_list(G0))) end),
         chk(fun() -> gb_sets:filtermap(FM, G0) end,
             fun(R) -> R =:= gb_sets:from_list(FMl(gb_sets:to_list(G0))) end),
         chk(fun() -> gb_sets:is_equal(G0, gb_sets:from_list(L1)) end,
             fun(R) -> R =:= (gb_sets:to_list(G0) == gb_sets:to_list(gb_sets:from_list(L1))) end),
         chk(fun() -> [gb_sets:larger(K, G0) || K <- [X, Xf]] end,
             fun(R) -> R =:= [First(Above(gb_sets:to_list(G0), K)) || K <- [X, Xf]] end),
         chk(fun() -> [gb_sets:smaller(K, G0) || K <- [X, Xf]] end,
             fun(R) -> R =:= [First(lists:reverse(Below(gb_sets:to_list(G0), K))) || K <- [X, Xf]] end),
         chk(fun() -> [walk(gb_sets:iterator(G0, reversed)), walk(gb_sets:iterator(G0, ordered)),
                       walk(gb_sets:iterator_from(X, G0, reversed)),
                       walk(gb_sets:iterator_from(X, G0, ordered))] end,
             fun(R) -> L = gb_sets:to_list(G0),
                       R =:= [lists:reverse(L), L, lists:reverse([E || E <- L, E =< X]),
                              [E || E <- L, E >= X]] end),
         chk(fun() -> [gb_trees:larger(K, T0) || K <- [X, Xf]] end,
             fun(R) -> R =:= [Pair(First(Above(gb_trees:keys(T0), K))) || K <- [X, Xf]] end),
         chk(fun() -> [gb_trees:smaller(K, T0) || K <- [X, Xf]] end,
             fun(R) -> R =:= [Pair(First(lists:reverse(Below(gb_trees:keys(T0), K)))) || K <- [X, Xf]] end),
         chk(fun() -> [walk(gb_trees:iterator(T0, reversed), gb_trees),
                       walk(gb_trees:iterator(T0, ordered), gb_trees),
                       walk(gb_trees:iterator_from(Xf + 0.5, T0, reversed), gb_trees),
                       walk(gb_trees:iterator_from(X, T0, ordered), gb_trees)] end,
             fun(R) -> L = gb_trees:to_list(T0),
                       R =:= [lists:reverse(L), L, lists:reverse([P || {K, _} = P <- L, K =< Xf + 0.5]),
                              [P || {K, _} = P <- L, K >= X]] end)],
    lists:all(fun(C) -> C =:= true end, Checks) orelse Checks.
