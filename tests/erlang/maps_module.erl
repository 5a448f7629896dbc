-module(maps_module).
-export([start/0, id/1]).

%% Every function of the maps module, with its errors (the reasons only:
%% stacktraces differ). Printed maps have integer or tuple keys, whose
%% order is the same on every OTP release; large maps are only printed
%% through sorted lists.

id(X) -> X.

show(Label, T) -> io:format("~s: ~p~n", [Label, T]).

e(F) -> try F() of V -> {ok, V} catch C:R -> {C, R} end.

start() ->
    M = id(#{1 => a, 2 => b, 3 => c}),
    L = id(maps:from_list([{K, K * 2} || K <- lists:seq(1, 50)])),
    F1 = fun(V) -> {new, V} end,
    F2 = fun(K, V) -> {K, V} end,
    F3 = fun(K, V1, V2) -> {K, V1, V2} end,
    show("new", maps:new()),
    show("get", [e(fun() -> maps:get(2, M) end), e(fun() -> maps:get(9, M) end),
                 e(fun() -> maps:get(a, x) end), e(fun() -> maps:get(50, L) end),
                 e(fun() -> maps:get(51, L) end)]),
    show("get/3", [maps:get(2, M, d), maps:get(9, M, d), maps:get(49, L, d),
                   e(fun() -> maps:get(a, x, d) end)]),
    show("find", [maps:find(1, M), maps:find(0, M), maps:find(25, L), maps:find(0, L),
                  e(fun() -> maps:find(a, x) end)]),
    show("is_key", [maps:is_key(1, M), maps:is_key(1.0, M), maps:is_key(50, L),
                    e(fun() -> maps:is_key(a, x) end)]),
    show("size", [maps:size(M), maps:size(L), maps:size(#{}), e(fun() -> maps:size(x) end),
                  e(fun() -> map_size(id(x)) end)]),
    show("put", [maps:put(4, d, M), maps:put(1, z, M), map_size(maps:put(0, z, L)),
                 e(fun() -> maps:put(a, 1, x) end)]),
    show("update", [maps:update(1, z, M), e(fun() -> maps:update(9, z, M) end),
                    maps:get(10, maps:update(10, z, L)), e(fun() -> maps:update(a, 1, x) end)]),
    show("update_with/3", [maps:update_with(2, F1, M), e(fun() -> maps:update_with(9, F1, M) end),
                           e(fun() -> maps:update_with(2, x, M) end),
                           e(fun() -> maps:update_with(9, x, M) end),
                           e(fun() -> maps:update_with(2, F1, x) end),
                           e(fun() -> maps:update_with(2, x, y) end),
                           maps:get(7, maps:update_with(7, F1, L))]),
    show("update_with/4", [maps:update_with(2, F1, init, M), maps:update_with(9, F1, init, M),
                           e(fun() -> maps:update_with(2, x, init, M) end),
                           e(fun() -> maps:update_with(2, F1, init, x) end),
                           e(fun() -> maps:update_with(2, x, init, y) end),
                           maps:get(99, maps:update_with(99, F1, init, L))]),
    show("remove", [maps:remove(2, M), maps:remove(9, M), map_size(maps:remove(5, L)),
                    e(fun() -> maps:remove(a, x) end)]),
    show("take", [maps:take(2, M), maps:take(9, M), element(1, maps:take(5, L)),
                  e(fun() -> maps:take(a, x) end)]),
    show("merge", [maps:merge(M, #{3 => z, 4 => d}), maps:merge(#{}, M),
                   map_size(maps:merge(L, M)), maps:get(1, maps:merge(L, M)),
                   maps:get(1, maps:merge(M, L)),
                   e(fun() -> maps:merge(x, M) end), e(fun() -> maps:merge(M, y) end),
                   e(fun() -> maps:merge(x, y) end)]),
    show("merge_with", [maps:merge_with(F3, M, #{3 => z, 4 => d}),
                        lists:sort(maps:to_list(maps:merge_with(F3, #{1 => x}, L))) =:=
                            lists:sort(maps:to_list(L#{1 => {1, x, 2}})),
                        e(fun() -> maps:merge_with(x, M, M) end),
                        e(fun() -> maps:merge_with(F3, x, M) end),
                        e(fun() -> maps:merge_with(F3, M, y) end),
                        e(fun() -> maps:merge_with(x, y, z) end),
                        e(fun() -> maps:merge_with(F2, M, M) end)]),
    show("with", [maps:with([1, 3, 9], M), maps:with([], M), maps:with([1, 50], L),
                  e(fun() -> maps:with([1], x) end), e(fun() -> maps:with(x, M) end),
                  e(fun() -> maps:with(x, y) end), e(fun() -> maps:with([1 | 2], M) end)]),
    show("without", [maps:without([1, 3, 9], M), maps:without([], M),
                     map_size(maps:without([1, 2, 3], L)),
                     e(fun() -> maps:without([1], x) end), e(fun() -> maps:without(x, M) end),
                     e(fun() -> maps:without([1 | 2], M) end)]),
    show("keys", [maps:keys(M), lists:sort(maps:keys(L)) =:= lists:seq(1, 50),
                  e(fun() -> maps:keys(x) end)]),
    show("values", [maps:values(M), lists:sum(maps:values(L)), e(fun() -> maps:values(x) end)]),
    show("to_list", [maps:to_list(M), length(maps:to_list(L)), e(fun() -> maps:to_list(x) end)]),
    %% maps:to_list/1 of an iterator is {badmap, I} on OTP 25 and works on
    %% OTP 26+ (Gluon follows 25): not tested.
    show("from_list", [maps:from_list([{2, b}, {1, a}, {2, bb}]), maps:from_list([]),
                       e(fun() -> maps:from_list(x) end), e(fun() -> maps:from_list([a]) end),
                       e(fun() -> maps:from_list([{1, a} | b]) end),
                       e(fun() -> maps:from_list([{1, a, b}]) end)]),
    show("from_keys", [maps:from_keys([3, 1, 2, 1], v), maps:from_keys([], v),
                       map_size(maps:from_keys(lists:seq(1, 40), v)),
                       e(fun() -> maps:from_keys(x, v) end),
                       e(fun() -> maps:from_keys([1 | 2], v) end)]),
    Acc = fun(K, V, A) -> [{K, V} | A] end,
    show("fold", [maps:fold(Acc, [], M), maps:fold(fun(K, _, S) -> K + S end, 0, L),
                  maps:fold(Acc, [], maps:iterator(M)),
                  e(fun() -> maps:fold(x, 0, M) end), e(fun() -> maps:fold(Acc, 0, x) end),
                  e(fun() -> maps:fold(x, 0, y) end), e(fun() -> maps:fold(F2, 0, M) end),
                  e(fun() -> maps:fold(Acc, 0, [0 | x]) end),
                  maps:fold(Acc, [], none)]),
    Self = self(),
    show("foreach", [maps:foreach(fun(K, V) -> Self ! {K, V} end, M),
                     [receive X -> X end || _ <- [1, 2, 3]],
                     e(fun() -> maps:foreach(x, M) end), e(fun() -> maps:foreach(F2, x) end),
                     e(fun() -> maps:foreach(x, y) end)]),
    show("map", [maps:map(F2, M), maps:get(50, maps:map(fun(_, V) -> V + 1 end, L)),
                 maps:map(F2, maps:iterator(M)),
                 e(fun() -> maps:map(x, M) end), e(fun() -> maps:map(F2, x) end),
                 e(fun() -> maps:map(F1, M) end)]),
    show("filter", [maps:filter(fun(K, _) -> K > 1 end, M),
                    map_size(maps:filter(fun(_, V) -> V > 50 end, L)),
                    maps:filter(fun(_, V) -> V =/= b end, maps:iterator(M)),
                    e(fun() -> maps:filter(fun(_, _) -> neither end, M) end),
                    e(fun() -> maps:filter(x, M) end), e(fun() -> maps:filter(F2, x) end)]),
    show("filtermap", [maps:filtermap(fun(1, _) -> true; (2, V) -> {true, {V}}; (_, _) -> false end, M),
                       map_size(maps:filtermap(fun(K, _) -> K rem 2 =:= 0 end, L)),
                       e(fun() -> maps:filtermap(fun(_, _) -> neither end, M) end),
                       e(fun() -> maps:filtermap(x, M) end), e(fun() -> maps:filtermap(F2, x) end)]),
    I = maps:iterator(M),
    show("iterator", [I, maps:next(I), maps:next(none), e(fun() -> maps:iterator(x) end),
                      e(fun() -> maps:next(x) end), e(fun() -> maps:next([0 | x]) end),
                      maps:next(maps:iterator(#{}))]),
    show("iterate large", walk(maps:next(maps:iterator(L)), 0)),
    %% iterator/2 exists from OTP 26 on; on OTP 25 the same answers are
    %% computed another way, so the output does not depend on the release.
    show("ordered", ordered(M, ordered, fun() -> lists:sort(maps:to_list(M)) end)),
    show("reversed", ordered(M, reversed, fun() -> lists:reverse(lists:sort(maps:to_list(M))) end)),
    Desc = fun(A, B) -> A >= B end,
    show("custom order", ordered(L, Desc, fun() -> lists:reverse(lists:sort(maps:to_list(L))) end)),
    show("groups_from_list", [maps:groups_from_list(fun(X) -> X rem 3 end, lists:seq(1, 10)),
                              maps:groups_from_list(fun(X) -> X rem 2 end, fun(X) -> X * X end,
                                                    lists:seq(1, 7)),
                              maps:groups_from_list(fun(X) -> X end, []),
                              e(fun() -> maps:groups_from_list(x, [1]) end),
                              e(fun() -> maps:groups_from_list(F1, x) end),
                              e(fun() -> maps:groups_from_list(F1, [1 | 2]) end),
                              e(fun() -> maps:groups_from_list(F1, x, [1]) end)]),
    show("intersect", [maps:intersect(M, #{2 => x, 3 => y, 4 => z}),
                       maps:intersect(#{2 => x, 60 => y}, L),
                       e(fun() -> maps:intersect(x, M) end), e(fun() -> maps:intersect(M, y) end)]),
    show("intersect_with", [maps:intersect_with(F3, M, #{2 => x, 3 => y, 4 => z}),
                            map_size(maps:intersect_with(F3, L, L)),
                            e(fun() -> maps:intersect_with(x, M, M) end),
                            e(fun() -> maps:intersect_with(F3, x, M) end),
                            e(fun() -> maps:intersect_with(F3, M, y) end),
                            e(fun() -> maps:intersect_with(x, y, z) end)]),
    show("guard bifs", [e(fun() -> map_get(1, id(M)) end), e(fun() -> map_get(9, id(M)) end),
                        e(fun() -> map_get(1, id(x)) end), e(fun() -> is_map_key(1, id(x)) end),
                        is_map_key(1, id(M)), is_map_key(9, id(L))]),
    show("catch reason", reason(catch maps:get(9, id(M)))),
    show("catch badmap", reason(catch maps:keys(id(x)))),
    ok.

reason({'EXIT', {R, _Stack}}) -> R;
reason(Other) -> {no_exit, Other}.

walk({K, V, Next}, N) -> walk(maps:next(Next), N + K + V);
walk(none, N) -> N.

ordered(M, Order, Fallback) ->
    try maps:iterator(M, Order) of
        I -> walk_list(maps:next(I))
    catch
        error:undef -> Fallback()
    end.

walk_list({K, V, Next}) -> [{K, V} | walk_list(maps:next(Next))];
walk_list(none) -> [].
