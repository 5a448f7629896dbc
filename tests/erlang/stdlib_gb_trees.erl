-module(stdlib_gb_trees).
-export([start/0, id/1]).

%% Every function of gb_trees, with its errors (reasons only). Trees are
%% printed: their {Size, Node} shape after insertions (which rebalance),
%% deletions and balance/1 is what OTP shows. Iterators are only walked
%% (their representation changed in OTP 27). Pseudo-random sequences are
%% checked against a sorted list of pairs.

id(X) -> X.

show(Label, T) -> io:format("~s: ~p~n", [Label, T]).

e(F) -> try F() of V -> {ok, V} catch C:R -> {C, R} end.

walk(Iter) ->
    case gb_trees:next(Iter) of
        {K, V, Next} -> [{K, V} | walk(Next)];
        none -> []
    end.

start() ->
    T = id(gb_trees:from_orddict([{I, I * 10} || I <- lists:seq(1, 7)])),
    E = gb_trees:empty(),
    show("from_orddict", [gb_trees:from_orddict([{I, x} || I <- lists:seq(1, N)]) || N <- lists:seq(0, 8)]),
    show("insert ascending", [lists:foldl(fun(I, A) -> gb_trees:insert(I, x, A) end, E, lists:seq(1, N))
                              || N <- [1, 2, 6, 7, 8, 12, 13, 14, 20, 31]]),
    show("insert descending", lists:foldl(fun(I, A) -> gb_trees:insert(I, x, A) end, E, lists:seq(30, 1, -1))),
    show("insert scattered", lists:foldl(fun(I, A) -> gb_trees:enter(I rem 23, I, A) end, E, lists:seq(1, 60, 7))),
    show("basic", [gb_trees:is_empty(E), gb_trees:is_empty(T), gb_trees:size(E), gb_trees:size(T),
                   gb_trees:keys(T), gb_trees:values(T), gb_trees:to_list(T), gb_trees:to_list(E),
                   gb_trees:smallest(T), gb_trees:largest(T)]),
    show("lookup", [[gb_trees:lookup(K, T), gb_trees:is_defined(K, T), e(fun() -> gb_trees:get(K, T) end)]
                    || K <- [0, 1, 4, 7, 8, 2.0]]),
    show("delete", [[K, e(fun() -> gb_trees:delete(K, T) end), gb_trees:delete_any(K, T),
                     e(fun() -> gb_trees:take(K, T) end), gb_trees:take_any(K, T)]
                    || K <- [0, 1, 2, 4, 6, 7, 9]]),
    show("update", [gb_trees:update(3, y, T), gb_trees:update(3.0, y, T), gb_trees:enter(3.0, z, T),
                    gb_trees:enter(9, z, T), gb_trees:insert(0, z, T),
                    gb_trees:map(fun(K, V) -> K + V end, T), gb_trees:map(fun(_, V) -> V end, E)]),
    show("take ends", [gb_trees:take_smallest(T), gb_trees:take_largest(T),
                       gb_trees:take_smallest(gb_trees:from_orddict([{a, 1}]))]),
    show("balance", [gb_trees:balance(gb_trees:delete(1, gb_trees:delete(2, T))), gb_trees:balance(E),
                     gb_trees:balance(lists:foldl(fun(I, A) -> gb_trees:insert(I, x, A) end, E,
                                                  lists:seq(1, 6)))]),
    show("iterators", [walk(gb_trees:iterator(T)), walk(gb_trees:iterator(E)),
                       [walk(gb_trees:iterator_from(K, T)) || K <- [0, 1, 2.5, 4, 7, 8]],
                       walk(gb_trees:iterator_from(a, T))]),
    show("errors",
         [e(fun() -> gb_trees:insert(3, x, T) end), e(fun() -> gb_trees:insert(3.0, x, T) end),
          e(fun() -> gb_trees:insert(3, x, x) end),
          e(fun() -> gb_trees:get(9, x) end), e(fun() -> gb_trees:lookup(9, x) end),
          e(fun() -> gb_trees:update(9, x, T) end), e(fun() -> gb_trees:update(1, 1, x) end),
          e(fun() -> gb_trees:delete(1, x) end), e(fun() -> gb_trees:delete_any(9, x) end),
          e(fun() -> gb_trees:take(9, x) end), e(fun() -> gb_trees:take_any(9, x) end),
          e(fun() -> gb_trees:smallest(E) end), e(fun() -> gb_trees:largest(E) end),
          e(fun() -> gb_trees:take_smallest(E) end), e(fun() -> gb_trees:take_largest(E) end),
          e(fun() -> gb_trees:smallest(x) end), e(fun() -> gb_trees:take_smallest(x) end),
          e(fun() -> gb_trees:size(x) end), e(fun() -> gb_trees:size({1, x}) end),
          e(fun() -> gb_trees:is_empty(x) end), e(fun() -> gb_trees:is_empty({1, x}) end),
          e(fun() -> gb_trees:is_defined(1, x) end), e(fun() -> gb_trees:keys(x) end),
          e(fun() -> gb_trees:values(x) end), e(fun() -> gb_trees:to_list(x) end),
          e(fun() -> gb_trees:map(x, T) end), e(fun() -> gb_trees:map(x, E) end),
          e(fun() -> gb_trees:map(fun(_, V) -> V end, x) end),
          e(fun() -> gb_trees:iterator(x) end), e(fun() -> gb_trees:next(x) end),
          e(fun() -> gb_trees:iterator_from(1, x) end),
          e(fun() -> gb_trees:from_orddict(x) end), e(fun() -> gb_trees:from_orddict([a]) end),
          e(fun() -> gb_trees:from_orddict([{a, 1} | b]) end),
          e(fun() -> gb_trees:balance(x) end), e(fun() -> gb_trees:enter(1, x, x) end)]),
    show("random", [random_run(Seed, 2000) || Seed <- [4, 2024]]),
    ok.

next(S) -> (S * 1103515245 + 12345) rem 2147483648.

random_run(Seed, Steps) -> random_run(Seed, Steps, gb_trees:empty(), [], 0).

random_run(_, 0, T, Model, Bad) -> {Bad, gb_trees:to_list(T) =:= Model, T};
random_run(Seed, Steps, T, Model, Bad) ->
    S1 = next(Seed),
    K = (S1 div 65536) rem 60,
    V = (S1 div 1024) rem 100,
    {T1, Model1} =
        case S1 rem 8 of
            0 -> {gb_trees:enter(K, V, T), model_store(K, V, Model)};
            1 -> {gb_trees:delete_any(K, T), lists:keydelete(K, 1, Model)};
            2 -> case gb_trees:is_defined(K, T) of
                     true -> {gb_trees:update(K, V, T), model_store(K, V, Model)};
                     false -> {gb_trees:insert(K, V, T), model_store(K, V, Model)}
                 end;
            3 -> case gb_trees:take_any(K, T) of
                     {Val, T2} -> {T2, lists:delete({K, Val}, Model)};
                     error -> {T, Model}
                 end;
            4 when Model =/= [] ->
                {Ks, _, T2} = gb_trees:take_smallest(T),
                {T2, lists:keydelete(Ks, 1, Model)};
            5 when Model =/= [] ->
                {Kl, _, T2} = gb_trees:take_largest(T),
                {T2, lists:keydelete(Kl, 1, Model)};
            6 when S1 rem 64 =:= 6 -> {gb_trees:balance(T), Model};
            _ -> {gb_trees:enter(K, V, T), model_store(K, V, Model)}
        end,
    Checks = [gb_trees:to_list(T1) =:= Model1, gb_trees:size(T1) =:= length(Model1),
              gb_trees:lookup(K, T1) =:= case lists:keyfind(K, 1, Model1) of
                                             {_, X} -> {value, X};
                                             false -> none
                                         end,
              walk(gb_trees:iterator_from(K, T1)) =:= [P || {Key, _} = P <- Model1, Key >= K],
              gb_trees:keys(T1) =:= [Key || {Key, _} <- Model1]],
    Bad1 = case lists:all(fun(C) -> C end, Checks) of true -> Bad; false -> Bad + 1 end,
    random_run(S1, Steps - 1, T1, Model1, Bad1).

model_store(K, V, Model) -> lists:keysort(1, [{K, V} | lists:keydelete(K, 1, Model)]).
