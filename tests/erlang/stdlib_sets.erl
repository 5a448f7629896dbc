-module(stdlib_sets).
-export([start/0, id/1]).

%% Every function of sets, for sets of the default version and of
%% versions 1 and 2, with the errors of version 2 sets (reasons only).
%% Sets are never printed themselves (their representation differs
%% between OTP releases): only sorted element lists, sizes and booleans.

id(X) -> X.

show(Label, T) -> io:format("~s: ~p~n", [Label, T]).

e(F) -> try F() of V -> {ok, V} catch C:R -> {C, R} end.

%% Sorted so that 1 comes before 1.0 whatever the set's order.
l(S) -> sortl(sets:to_list(S)).

sortl(L) -> lists:sort(fun(A, B) -> {A, is_float(A)} =< {B, is_float(B)} end, L).

start() ->
    [run(Opts) || Opts <- [default, [{version, 1}], [{version, 2}], [{version, 2}, foo]]],
    V2 = [{version, 2}],
    S = sets:from_list([1, 2, 3], V2),
    show("errors",
         [e(fun() -> sets:new(x) end), e(fun() -> l(sets:new([])) end),
          e(fun() -> sets:new([{version, 3}]) end),
          e(fun() -> sets:from_list(x, V2) end), e(fun() -> sets:from_list([a | b], V2) end),
          e(fun() -> sets:from_list([a], x) end), e(fun() -> sets:from_list([a], [{version, 3}]) end),
          e(fun() -> l(sets:from_list([a], [x])) end),
          e(fun() -> sets:is_set(x) end), e(fun() -> sets:is_set({set, 1}) end),
          e(fun() -> sets:is_set(S) end), e(fun() -> sets:is_set([1]) end),
          e(fun() -> sets:size(x) end), e(fun() -> sets:is_empty(x) end),
          e(fun() -> sets:to_list(x) end), e(fun() -> sets:is_element(1, x) end),
          e(fun() -> sets:add_element(1, x) end), e(fun() -> sets:del_element(1, x) end),
          e(fun() -> sets:union(x, S) end), e(fun() -> sets:union(S, x) end),
          e(fun() -> sets:union(x) end), e(fun() -> sets:union([S, x]) end),
          e(fun() -> sets:intersection(x, S) end), e(fun() -> sets:intersection(S, x) end),
          e(fun() -> sets:intersection([]) end), e(fun() -> sets:intersection(x) end),
          e(fun() -> sets:intersection([x]) end),
          e(fun() -> sets:subtract(x, S) end), e(fun() -> sets:subtract(S, x) end),
          e(fun() -> sets:is_disjoint(x, S) end), e(fun() -> sets:is_disjoint(S, x) end),
          e(fun() -> sets:is_subset(x, S) end), e(fun() -> sets:is_subset(S, x) end),
          e(fun() -> sets:fold(x, 0, S) end), e(fun() -> sets:filter(x, S) end),
          e(fun() -> sets:fold(fun(X, A) -> X + A end, 0, x) end),
          e(fun() -> sets:filter(fun(_) -> true end, x) end),
          e(fun() -> sets:fold(fun(X, A) -> X + A end, 0, sets:from_list([a], V2)) end)]),
    ok.

new(default) -> sets:new();
new(Opts) -> sets:new(Opts).

from_list(L, default) -> sets:from_list(L);
from_list(L, Opts) -> sets:from_list(L, Opts).

run(Opts) ->
    E = new(Opts),
    S = from_list([3, 1, 2, 1, 1.0, a, {b}], Opts),
    T = from_list([2, 3, 4, 1.0], Opts),
    show("version", Opts),
    show("basic", [sets:is_set(E), sets:is_set(S), sets:size(E), sets:size(S), sets:is_empty(E),
                   sets:is_empty(S), l(E), l(S), l(T)]),
    show("element", [[sets:is_element(X, S), l(sets:add_element(X, S)), sets:size(sets:add_element(X, S)),
                      l(sets:del_element(X, S))]
                     || X <- [0, 1, 1.0, 2, a, {b}, z]]),
    show("two", [[l(sets:union(A, B)), l(sets:intersection(A, B)), l(sets:subtract(A, B)),
                  sets:is_disjoint(A, B), sets:is_subset(A, B)]
                 || A <- [S, T, E], B <- [S, T, E, from_list([1.0], Opts)]]),
    show("lists of sets", [l(sets:union([])), l(sets:union([S])), l(sets:union([S, T, from_list([x], Opts)])),
                           l(sets:intersection([S])), l(sets:intersection([S, T])),
                           l(sets:intersection([S, T, from_list([3], Opts)]))]),
    show("fold filter", [sortl(sets:fold(fun(X, A) -> [X | A] end, [], S)),
                         sets:fold(fun(_, A) -> A + 1 end, 0, T),
                         l(sets:filter(fun(X) -> is_integer(X) end, S)),
                         l(sets:filter(fun(_) -> false end, S))]),
    show("random", [random_run(Seed, 300, Opts) || Seed <- [11, 500]]),
    show("big", big(Opts)).

next(S) -> (S * 1103515245 + 12345) rem 2147483648.

%% Random adds, deletes, unions and subtractions against a sorted list.
random_run(Seed, Steps, Opts) -> random_run(Seed, Steps, new(Opts), [], 0, Opts).

random_run(_, 0, Set, Model, Bad, _) -> {Bad, l(Set) =:= Model, sets:size(Set)};
random_run(Seed, Steps, Set, Model, Bad, Opts) ->
    S1 = next(Seed),
    X = (S1 div 65536) rem 40,
    Other = [(S1 div 256 + I * 7) rem 40 || I <- lists:seq(1, X rem 5)],
    O = from_list(Other, Opts),
    {Set1, Model1} =
        case S1 rem 5 of
            0 -> {sets:add_element(X, Set), lists:usort([X | Model])};
            1 -> {sets:del_element(X, Set), Model -- [X]};
            2 -> {sets:union(Set, O), lists:usort(Model ++ Other)};
            3 -> {sets:subtract(Set, O), [V || V <- Model, not lists:member(V, Other)]};
            4 -> {sets:union([O, Set, from_list([X], Opts)]), lists:usort([X | Other ++ Model])}
        end,
    Checks = [l(Set1) =:= Model1, sets:size(Set1) =:= length(Model1),
              sets:is_element(X, Set1) =:= lists:member(X, Model1),
              l(sets:intersection(Set1, O)) =:= [V || V <- Model1, lists:member(V, Other)],
              l(sets:intersection(O, Set1)) =:= [V || V <- Model1, lists:member(V, Other)],
              sets:is_subset(O, Set1) =:= lists:all(fun(V) -> lists:member(V, Model1) end, Other),
              sets:is_disjoint(Set1, O) =:= not lists:any(fun(V) -> lists:member(V, Model1) end, Other),
              sets:is_disjoint(O, Set1) =:= sets:is_disjoint(Set1, O)],
    Bad1 = case lists:all(fun(C) -> C end, Checks) of true -> Bad; false -> Bad + 1 end,
    random_run(S1, Steps - 1, Set1, Model1, Bad1, Opts).

%% Sets big enough to leave small-map territory.
big(Opts) ->
    A = from_list(lists:seq(1, 300), Opts),
    B = from_list(lists:seq(200, 600, 2), Opts),
    U = sets:union(A, B),
    I = sets:intersection(A, B),
    D = sets:subtract(A, B),
    Ev = sets:filter(fun(X) -> X rem 3 =:= 0 end, U),
    R = lists:foldl(fun sets:del_element/2, U, lists:seq(1, 600, 5)),
    [sets:size(U), sets:size(I), sets:size(D), sets:size(Ev), sets:size(R),
     l(I) =:= lists:seq(200, 300, 2), l(D) -- lists:seq(1, 300) =:= [],
     sets:fold(fun(X, Acc) -> X + Acc end, 0, U), sets:is_subset(I, A), sets:is_subset(A, I),
     sets:is_disjoint(D, B), lists:sublist(l(R), 10)].
