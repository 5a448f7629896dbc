-module(stdlib_dict).
-export([start/0, id/1]).

%% Every function of dict, with its errors (reasons only), and
%% pseudo-random dictionaries checked against a sorted list of pairs.
%% Dicts are never printed themselves, only sorted contents.

id(X) -> X.

show(Label, T) -> io:format("~s: ~p~n", [Label, T]).

e(F) -> try F() of V -> {ok, V} catch C:R -> {C, R} end.

l(D) -> lists:sort(dict:to_list(D)).

start() ->
    D = id(dict:from_list([{c, 3}, {a, 1}, {b, 2}, {a, 10}])),
    E = dict:new(),
    Inc = fun(V) -> V + 1 end,
    show("basic", [l(E), l(D), dict:size(D), dict:size(E), dict:is_empty(D), dict:is_empty(E),
                   lists:sort(dict:fetch_keys(D))]),
    show("lookup", [[dict:is_key(K, D), dict:find(K, D), e(fun() -> dict:fetch(K, D) end),
                     case dict:take(K, D) of {V, D1} -> {V, l(D1)}; error -> error end,
                     l(dict:erase(K, D))]
                    || K <- [0, a, b, c, d]]),
    show("store", [[l(dict:store(K, new, D)), l(dict:append(K, x, dict:from_list([{b, [1]}]))),
                    l(dict:append_list(K, [x, y], dict:from_list([{b, [1]}]))),
                    e(fun() -> l(dict:update(K, Inc, D)) end),
                    l(dict:update(K, Inc, 0, D)), l(dict:update_counter(K, 5, D))]
                   || K <- [0, a, b, c, d]]),
    show("fold map filter", [lists:sort(dict:fold(fun(K, V, A) -> [{V, K} | A] end, [], D)),
                             l(dict:map(fun(K, V) -> {K, V * 2} end, D)),
                             l(dict:filter(fun(K, V) -> K =/= b andalso V > 1 end, D)),
                             dict:fold(fun(_, V, A) -> V + A end, 0, E),
                             l(dict:map(fun(_, V) -> V end, E)),
                             l(dict:filter(fun(_, V) -> V end, E))]),
    show("merge", [l(dict:merge(fun(K, A, B) -> {K, A, B} end, D, dict:from_list([{b, 20}, {d, 40}]))),
                   l(dict:merge(fun(K, A, B) -> {K, A, B} end, dict:from_list([{b, 20}]), D)),
                   l(dict:merge(fun(_, A, B) -> A + B end, E, D)),
                   l(dict:merge(fun(_, A, B) -> A + B end, D, E)),
                   l(dict:merge(x, D, E)), l(dict:merge(x, D, dict:from_list([{z, 1}])))]),
    show("exact keys", [dict:is_key(1.0, dict:from_list([{1, a}])),
                        dict:find(1.0, dict:from_list([{1, a}])),
                        l(dict:from_list([{1, a}, {1.0, b}, {1, c}])),
                        l(dict:store(1.0, x, dict:from_list([{1, a}]))),
                        l(dict:update_counter(1, 1.5, dict:from_list([{1, 1}, {1.0, 5}])))]),
    show("errors",
         [e(fun() -> dict:from_list(x) end), e(fun() -> dict:from_list([a]) end),
          e(fun() -> dict:from_list([{a, 1} | x]) end), e(fun() -> dict:from_list([{a, 1, 2}]) end),
          e(fun() -> dict:fetch(a, x) end), e(fun() -> dict:find(a, x) end),
          e(fun() -> dict:is_key(a, x) end), e(fun() -> dict:store(a, 1, x) end),
          e(fun() -> dict:erase(a, x) end), e(fun() -> dict:size(x) end),
          e(fun() -> dict:is_empty(x) end), e(fun() -> dict:to_list(x) end),
          e(fun() -> dict:fetch_keys(x) end), e(fun() -> dict:take(a, x) end),
          e(fun() -> l(dict:update(c, Inc, D)) end), e(fun() -> dict:update(z, Inc, D) end),
          e(fun() -> dict:update(a, x, D) end),
          e(fun() -> dict:update(a, x, 0, D) end), e(fun() -> dict:update(c, x, 0, D) end),
          e(fun() -> dict:update(c, fun(_, _) -> 1 end, 0, D) end),
          e(fun() -> dict:update(a, Inc, x) end), e(fun() -> dict:update(a, Inc, 0, x) end),
          e(fun() -> dict:update_counter(a, x, D) end), e(fun() -> dict:update_counter(z, x, D) end),
          e(fun() -> dict:update_counter(a, 1, dict:store(a, x, D)) end),
          e(fun() -> dict:update_counter(a, 1, x) end),
          e(fun() -> dict:append(a, 1, D) end), e(fun() -> dict:append_list(a, [1], D) end),
          e(fun() -> dict:append(a, 1, x) end),
          e(fun() -> dict:fetch(a, dict:append_list(a, x, dict:store(a, [], D))) end),
          e(fun() -> dict:map(x, D) end), e(fun() -> dict:filter(x, D) end),
          e(fun() -> dict:fold(x, 0, D) end), e(fun() -> dict:map(x, E) end),
          e(fun() -> dict:filter(x, E) end), e(fun() -> dict:fold(x, 0, E) end),
          e(fun() -> dict:map(fun(_, V) -> V end, x) end),
          e(fun() -> dict:filter(fun(_, V) -> V end, D) end),
          e(fun() -> dict:filter(fun(_, V) -> V end, x) end),
          e(fun() -> dict:fold(fun(_, _, A) -> A end, 0, x) end),
          e(fun() -> dict:merge(x, D, D) end), e(fun() -> dict:merge(fun(_, A, _) -> A end, x, D) end),
          e(fun() -> dict:merge(fun(_, A, _) -> A end, D, x) end),
          e(fun() -> dict:merge(fun(_, A, _) -> A end, x, E) end),
          e(fun() -> dict:merge(fun(_, A, _) -> A end, E, x) end)]),
    show("random", [random_run(Seed, 500) || Seed <- [8, 31337]]),
    show("big", big()),
    ok.

next(S) -> (S * 1103515245 + 12345) rem 2147483648.

random_run(Seed, Steps) -> random_run(Seed, Steps, dict:new(), [], 0).

random_run(_, 0, D, Model, Bad) -> {Bad, l(D) =:= Model, dict:size(D)};
random_run(Seed, Steps, D, Model, Bad) ->
    S1 = next(Seed),
    K = (S1 div 65536) rem 50,
    V = (S1 div 1024) rem 100,
    Add = fun(Old) -> Old + V end,
    {D1, Model1} =
        case S1 rem 6 of
            0 -> {dict:store(K, V, D), model_store(K, V, Model)};
            1 -> {dict:erase(K, D), lists:keydelete(K, 1, Model)};
            2 -> {dict:update_counter(K, V, D), model_update(K, Add, V, Model)};
            3 -> case dict:take(K, D) of
                     {Val, D2} -> {D2, lists:delete({K, Val}, Model)};
                     error -> {D, Model}
                 end;
            4 -> {dict:update(K, Add, V, D), model_update(K, Add, V, Model)};
            5 -> {dict:merge(fun(_, A, B) -> A + B end, D, dict:from_list([{K, V}])),
                  model_update(K, Add, V, Model)}
        end,
    Checks = [l(D1) =:= Model1, dict:size(D1) =:= length(Model1),
              dict:find(K, D1) =:= case lists:keyfind(K, 1, Model1) of
                                       {_, X} -> {ok, X};
                                       false -> error
                                   end,
              lists:sort(dict:fetch_keys(D1)) =:= [Key || {Key, _} <- Model1]],
    Bad1 = case lists:all(fun(C) -> C end, Checks) of true -> Bad; false -> Bad + 1 end,
    random_run(S1, Steps - 1, D1, Model1, Bad1).

model_store(K, V, Model) -> lists:keysort(1, [{K, V} | lists:keydelete(K, 1, Model)]).

model_update(K, F, Init, Model) ->
    case lists:keyfind(K, 1, Model) of
        {_, Old} -> model_store(K, F(Old), Model);
        false -> model_store(K, Init, Model)
    end.

big() ->
    D = dict:from_list([{I, I * I} || I <- lists:seq(1, 500)]),
    D1 = lists:foldl(fun(I, Acc) -> dict:erase(I, Acc) end, D, lists:seq(1, 500, 3)),
    D2 = dict:map(fun(K, V) -> V - K end, D1),
    D3 = dict:filter(fun(K, _) -> K rem 2 =:= 0 end, D2),
    [dict:size(D), dict:size(D1), dict:size(D3), dict:fetch(500, D3),
     dict:fold(fun(_, V, A) -> V + A end, 0, D3), lists:sublist(l(D3), 5)].
