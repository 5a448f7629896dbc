-module(stdlib_ordsets).
-export([start/0, id/1]).

%% Every function of ordsets, with its errors (reasons only), 1 vs 1.0,
%% and pseudo-random sets checked against a plain-list model.

id(X) -> X.

show(Label, T) -> io:format("~s: ~p~n", [Label, T]).

e(F) -> try F() of V -> {ok, V} catch C:R -> {C, R} end.

start() ->
    S = id(ordsets:from_list([5, 1, 3, 1])),
    T = id(ordsets:from_list([4, 3, 2])),
    show("basic", [ordsets:new(), S, T, ordsets:size(S), ordsets:is_empty(S),
                   ordsets:is_empty([]), ordsets:to_list(T)]),
    show("is_set", [e(fun() -> ordsets:is_set(X) end)
                    || X <- [S, [], [2, 1], [1, 1], [1, 1.0], x, {}, [a | b], [b, a | c]]]),
    show("element", [[ordsets:is_element(X, S), ordsets:add_element(X, S), ordsets:del_element(X, S)]
                     || X <- [0, 1, 2, 3, 5, 6, 3.0, a]]),
    show("two", [[ordsets:union(A, B), ordsets:intersection(A, B), ordsets:subtract(A, B),
                  ordsets:is_disjoint(A, B), ordsets:is_subset(A, B)]
                 || A <- [S, T, [], [3], [1.0, 3.0]], B <- [S, T, [], [3, 5]]]),
    show("lists of sets", [ordsets:union([]), ordsets:union([S, T, [9]]),
                           ordsets:intersection([S]), ordsets:intersection([S, T]),
                           ordsets:intersection([S, T, [2]]),
                           ordsets:union([[1], [1.0, 2], [2.0, 3]]),
                           ordsets:intersection([[1, 2, 3], [1.0, 2], [2.0]])]),
    show("equal numbers", [ordsets:union([1, 1.0], [1.0, 2]), ordsets:from_list([1.0, 1, 2, 2.0]),
                           ordsets:add_element(1.0, [1, 2]), ordsets:del_element(1.0, [1, 2]),
                           ordsets:is_element(1.0, [1]), ordsets:subtract([1, 2], [1.0]),
                           ordsets:intersection([1, 2], [1.0, 2.0]),
                           ordsets:intersection([1.0, 2.0], [1, 2]),
                           ordsets:is_subset([1.0], [1]), ordsets:is_disjoint([1.0], [1])]),
    show("fold filter", [ordsets:fold(fun(X, A) -> [X | A] end, [], S),
                         ordsets:filter(fun(X) -> X > 2 end, S),
                         ordsets:fold(fun(X, A) -> X + A end, 0, [])]),
    show("errors",
         [e(fun() -> ordsets:from_list(x) end), e(fun() -> ordsets:from_list([b, a | c]) end),
          e(fun() -> ordsets:size(x) end), e(fun() -> ordsets:is_empty(x) end),
          e(fun() -> ordsets:to_list(x) end),
          e(fun() -> ordsets:is_element(1, x) end), e(fun() -> ordsets:add_element(1, x) end),
          e(fun() -> ordsets:del_element(1, x) end),
          e(fun() -> ordsets:is_element(3, [1, 2 | x]) end),
          e(fun() -> ordsets:is_element(1, [1, 2 | x]) end),
          e(fun() -> ordsets:union(x, S) end), e(fun() -> ordsets:union(S, x) end),
          e(fun() -> ordsets:union(x) end), e(fun() -> ordsets:union([S, x]) end),
          e(fun() -> ordsets:union([1, 2], [a | b]) end),
          e(fun() -> ordsets:intersection(x, S) end), e(fun() -> ordsets:intersection(S, x) end),
          e(fun() -> ordsets:intersection([]) end), e(fun() -> ordsets:intersection(x) end),
          e(fun() -> ordsets:subtract(x, S) end), e(fun() -> ordsets:subtract(S, x) end),
          e(fun() -> ordsets:is_disjoint(x, S) end), e(fun() -> ordsets:is_disjoint(S, x) end),
          e(fun() -> ordsets:is_subset(x, S) end), e(fun() -> ordsets:is_subset(S, x) end),
          e(fun() -> ordsets:fold(x, 0, S) end), e(fun() -> ordsets:filter(x, S) end),
          e(fun() -> ordsets:filter(fun(X) -> X end, S) end),
          e(fun() -> ordsets:fold(fun(X, A) -> X + A end, 0, x) end),
          e(fun() -> ordsets:fold(fun(X, A) -> X + A end, 0, [1 | x]) end),
          e(fun() -> ordsets:filter(fun(_) -> true end, x) end)]),
    show("random", [random_run(Seed, 400) || Seed <- [3, 77, 1234]]),
    ok.

next(S) -> (S * 1103515245 + 12345) rem 2147483648.

rand_set(Seed, N) -> rand_list(Seed, N, []).

rand_list(Seed, 0, Acc) -> {Seed, Acc};
rand_list(Seed, N, Acc) ->
    S1 = next(Seed),
    rand_list(S1, N - 1, [(S1 div 65536) rem 30 | Acc]).

%% Sets built by random adds and deletes, compared with lists:usort of the
%% model and combined pairwise.
random_run(Seed, Steps) -> random_run(Seed, Steps, [], [], 0).

random_run(_, 0, Set, Model, Bad) -> {Bad, Set =:= Model, ordsets:size(Set)};
random_run(Seed, Steps, Set, Model, Bad) ->
    S1 = next(Seed),
    X = (S1 div 65536) rem 30,
    {S2, Other} = rand_set(S1, X rem 7),
    O = ordsets:from_list(Other),
    {Set1, Model1} =
        case S1 rem 5 of
            0 -> {ordsets:add_element(X, Set), lists:usort([X | Model])};
            1 -> {ordsets:del_element(X, Set), Model -- [X]};
            2 -> {ordsets:union(Set, O), lists:usort(Model ++ Other)};
            3 -> {ordsets:subtract(Set, O), [E || E <- Model, not lists:member(E, Other)]};
            4 -> {ordsets:union([Set, O, [X]]), lists:usort([X | Model ++ Other])}
        end,
    Checks = [ordsets:is_set(Set1),
              ordsets:is_element(X, Set1) =:= lists:member(X, Model1),
              ordsets:intersection(Set1, O) =:= [E || E <- Model1, lists:member(E, Other)],
              ordsets:is_subset(O, Set1) =:= lists:all(fun(E) -> lists:member(E, Model1) end, O),
              ordsets:is_disjoint(Set1, O) =:= not lists:any(fun(E) -> lists:member(E, Model1) end, O),
              Set1 =:= Model1],
    Bad1 = case lists:all(fun(C) -> C end, Checks) of true -> Bad; false -> Bad + 1 end,
    random_run(S2, Steps - 1, Set1, Model1, Bad1).
