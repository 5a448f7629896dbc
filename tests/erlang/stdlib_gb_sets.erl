-module(stdlib_gb_sets).
-export([start/0, id/1]).

%% Every function of gb_sets, with its errors (reasons only). Sets are
%% printed: the {Size, Node} shapes that insertion, union (by insertion
%% or by merging), intersection, difference, filter and balance leave are
%% what OTP shows, as is which of two equal elements (1 and 1.0) is kept.
%% Iterators are only walked (their representation changed in OTP 27).

id(X) -> X.

show(Label, T) -> io:format("~s: ~p~n", [Label, T]).

e(F) -> try F() of V -> {ok, V} catch C:R -> {C, R} end.

walk(Iter) ->
    case gb_sets:next(Iter) of
        {X, Next} -> [X | walk(Next)];
        none -> []
    end.

start() ->
    A = id(gb_sets:from_list([5, 3, 1, 7, 9, 2])),
    B = id(gb_sets:from_list([2, 4, 6, 8])),
    E = gb_sets:empty(),
    Big = gb_sets:from_list(lists:seq(1, 40)),
    show("build", [A, B, E, gb_sets:new(), gb_sets:singleton(x), gb_sets:from_list([3, 1, 1.0, 2]),
                   gb_sets:from_list([1.0, 1]), gb_sets:from_ordset([1, 2, 3, 4]),
                   lists:foldl(fun gb_sets:add/2, E, lists:seq(1, 14))]),
    show("basic", [gb_sets:is_empty(E), gb_sets:is_empty(A), gb_sets:size(A), gb_sets:to_list(A),
                   gb_sets:smallest(A), gb_sets:largest(A), gb_sets:take_smallest(A),
                   gb_sets:take_largest(A), [gb_sets:is_set(X) || X <- [A, E, {1, x}, x, {a, nil}]]]),
    show("members", [[gb_sets:is_element(X, A), gb_sets:is_member(X, A), gb_sets:add(X, A),
                      gb_sets:add_element(X, A), gb_sets:del_element(X, A), gb_sets:delete_any(X, A),
                      e(fun() -> gb_sets:insert(X, A) end), e(fun() -> gb_sets:delete(X, A) end)]
                     || X <- [0, 1, 1.0, 4, 5, 9, 10]]),
    Small = [E, gb_sets:singleton(4), gb_sets:from_list([1.0, 4]), gb_sets:from_list([10, 20, 30, 41]),
             gb_sets:from_list(lists:seq(30, 45)), gb_sets:from_list([0.5, 3.0, 39.5])],
    show("union", [[gb_sets:union(X, Y), gb_sets:union(Y, X)] || X <- [A, B, Big], Y <- Small]),
    show("intersection", [[gb_sets:intersection(X, Y), gb_sets:intersection(Y, X)]
                          || X <- [A, Big], Y <- Small]),
    show("difference", [[gb_sets:difference(X, Y), gb_sets:subtract(Y, X)] || X <- [A, Big], Y <- Small]),
    show("predicates", [[gb_sets:is_subset(X, Y), gb_sets:is_disjoint(X, Y)]
                        || X <- [A, B, E, Big], Y <- [A, B, E, Big]]),
    show("lists of sets", [gb_sets:union([]), gb_sets:union([A, B, gb_sets:singleton(1.0)]),
                           gb_sets:intersection([A]), gb_sets:intersection([Big, A, B])]),
    show("filter fold", [gb_sets:filter(fun(X) -> X > 3 end, A),
                         gb_sets:filter(fun(X) -> X rem 3 =/= 0 end, Big),
                         gb_sets:fold(fun(X, Acc) -> [X | Acc] end, [], A),
                         gb_sets:fold(fun(X, Acc) -> X + Acc end, 0, E)]),
    show("balance", [gb_sets:balance(gb_sets:delete(1, gb_sets:delete(2, A))), gb_sets:balance(E),
                     gb_sets:balance(lists:foldl(fun gb_sets:add/2, E, lists:seq(1, 6)))]),
    show("iterators", [walk(gb_sets:iterator(A)), walk(gb_sets:iterator(E)),
                       [walk(gb_sets:iterator_from(X, A)) || X <- [0, 1, 4, 9, 10]]]),
    show("errors",
         [e(fun() -> gb_sets:insert(1, x) end), e(fun() -> gb_sets:add(1, x) end),
          e(fun() -> gb_sets:is_element(1, x) end), e(fun() -> gb_sets:delete(1, x) end),
          e(fun() -> gb_sets:delete_any(1, x) end), e(fun() -> gb_sets:size(x) end),
          e(fun() -> gb_sets:is_empty(x) end), e(fun() -> gb_sets:to_list(x) end),
          e(fun() -> gb_sets:smallest(E) end), e(fun() -> gb_sets:largest(E) end),
          e(fun() -> gb_sets:take_smallest(E) end), e(fun() -> gb_sets:take_largest(E) end),
          e(fun() -> gb_sets:smallest(x) end), e(fun() -> gb_sets:take_largest(x) end),
          e(fun() -> gb_sets:union(x, A) end), e(fun() -> gb_sets:union(A, x) end),
          e(fun() -> gb_sets:union(x) end), e(fun() -> gb_sets:union([A, x]) end),
          e(fun() -> gb_sets:intersection(x, A) end), e(fun() -> gb_sets:intersection(A, x) end),
          e(fun() -> gb_sets:intersection([]) end), e(fun() -> gb_sets:intersection(x) end),
          e(fun() -> gb_sets:difference(x, A) end), e(fun() -> gb_sets:difference(A, x) end),
          e(fun() -> gb_sets:is_subset(x, A) end), e(fun() -> gb_sets:is_subset(A, x) end),
          e(fun() -> gb_sets:is_disjoint(x, A) end), e(fun() -> gb_sets:is_disjoint(A, x) end),
          e(fun() -> gb_sets:filter(x, A) end), e(fun() -> gb_sets:filter(fun(_) -> true end, x) end),
          e(fun() -> gb_sets:fold(x, 0, A) end), e(fun() -> gb_sets:fold(fun(_, Acc) -> Acc end, 0, x) end),
          e(fun() -> gb_sets:from_list(x) end), e(fun() -> gb_sets:from_list([a | b]) end),
          e(fun() -> gb_sets:from_ordset(x) end), e(fun() -> gb_sets:balance(x) end),
          e(fun() -> gb_sets:iterator(x) end), e(fun() -> gb_sets:iterator_from(1, x) end),
          e(fun() -> gb_sets:next(x) end)]),
    show("random", [random_run(Seed, 1500) || Seed <- [6, 1999]]),
    ok.

next(S) -> (S * 1103515245 + 12345) rem 2147483648.

%% Random additions, deletions and set algebra on a gb_set and on the
%% ordset it models; the final set is printed.
random_run(Seed, Steps) -> random_run(Seed, Steps, gb_sets:new(), [], 0).

random_run(_, 0, S, Model, Bad) -> {Bad, gb_sets:to_list(S) =:= Model, S};
random_run(Seed, Steps, S, Model, Bad) ->
    S1 = next(Seed),
    X = (S1 div 65536) rem 80,
    Other = [(S1 div 256 + I * 13) rem 80 || I <- lists:seq(1, (S1 div 4096) rem 9)],
    O = gb_sets:from_list(Other),
    {S2, Model2} =
        case S1 rem 7 of
            0 -> {gb_sets:add(X, S), ordsets:add_element(X, Model)};
            1 -> {gb_sets:del_element(X, S), ordsets:del_element(X, Model)};
            2 -> {gb_sets:union(S, O), ordsets:union(Model, ordsets:from_list(Other))};
            3 -> {gb_sets:difference(S, O), ordsets:subtract(Model, ordsets:from_list(Other))};
            4 -> {gb_sets:union(O, gb_sets:add(X, S)),
                  ordsets:add_element(X, ordsets:union(Model, ordsets:from_list(Other)))};
            5 when Model =/= [] ->
                {Min, S3} = gb_sets:take_smallest(S),
                {S3, ordsets:del_element(Min, Model)};
            _ -> {gb_sets:add(X + 80, S), ordsets:add_element(X + 80, Model)}
        end,
    OM = ordsets:from_list(Other),
    Checks = [gb_sets:to_list(S2) =:= Model2, gb_sets:size(S2) =:= length(Model2),
              gb_sets:is_element(X, S2) =:= ordsets:is_element(X, Model2),
              gb_sets:to_list(gb_sets:intersection(S2, O)) =:= ordsets:intersection(Model2, OM),
              gb_sets:is_subset(O, S2) =:= ordsets:is_subset(OM, Model2),
              gb_sets:is_disjoint(O, S2) =:= ordsets:is_disjoint(OM, Model2),
              walk(gb_sets:iterator_from(X, S2)) =:= [V || V <- Model2, V >= X]],
    Bad1 = case lists:all(fun(C) -> C end, Checks) of true -> Bad; false -> Bad + 1 end,
    random_run(S1, Steps - 1, S2, Model2, Bad1).
