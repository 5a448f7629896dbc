%% Gluon's `binary` module: everything is native (gluon-vm/src/bif/binary_*.rs)
%% except `replace/3,4`, which builds on the native `matches/3`, as OTP's
%% own `binary:replace/4` does. A fun as the replacement (OTP 27) is
%% called with each matched part.
-module(binary).
-export([replace/3, replace/4]).

replace(Subject, Pattern, Replacement) ->
    replace(Subject, Pattern, Replacement, []).

replace(Subject, Pattern, Replacement, Options)
  when is_binary(Subject), is_list(Options),
       (is_binary(Replacement) orelse is_function(Replacement, 1)) ->
    {Global, Insert, Scope} = replace_options(Options, false, [], []),
    check_insert(Insert, Replacement),
    Found = case Global of
                true -> binary:matches(Subject, Pattern, Scope);
                false ->
                    case binary:match(Subject, Pattern, Scope) of
                        nomatch -> [];
                        M -> [M]
                    end
            end,
    iolist_to_binary(rebuild(Subject, 0, Found, Replacement, Insert));
replace(_, _, _, _) ->
    error(badarg).

replace_options([global | T], _, I, S) -> replace_options(T, true, I, S);
replace_options([{insert_replaced, N} | T], G, _, S) when is_integer(N) ->
    replace_options(T, G, [N], S);
replace_options([{insert_replaced, L} | T], G, _, S) when is_list(L) ->
    replace_options(T, G, L, S);
replace_options([{scope, _} = O | T], G, I, _) -> replace_options(T, G, I, [O]);
replace_options([], G, I, S) -> {G, I, S};
replace_options(_, _, _, _) -> error(badarg).

%% Insertion points must lie within a binary replacement; with a fun
%% they are ignored (as OTP 27 does).
check_insert(Insert, R) when is_binary(R) ->
    Size = byte_size(R),
    lists:foreach(fun(N) when is_integer(N), N >= 0, N =< Size -> ok;
                     (_) -> error(badarg)
                  end, Insert);
check_insert(_, _) -> ok.

rebuild(Subject, At, [], _, _) ->
    [binary:part(Subject, At, byte_size(Subject) - At)];
rebuild(Subject, At, [{Pos, Len} | T], R, Insert) ->
    Matched = binary:part(Subject, Pos, Len),
    [binary:part(Subject, At, Pos - At), replacement(R, Matched, Insert)
     | rebuild(Subject, Pos + Len, T, R, Insert)].

replacement(Fun, Matched, _) when is_function(Fun) ->
    case Fun(Matched) of
        B when is_binary(B) -> B;
        _ -> error(badarg)
    end;
replacement(R, _, []) -> R;
replacement(R, Matched, Insert) -> insert(R, 0, lists:sort(Insert), Matched).

insert(R, At, [], _) -> [binary:part(R, At, byte_size(R) - At)];
insert(R, At, [N | T], Matched) ->
    [binary:part(R, At, N - At), Matched | insert(R, N, T, Matched)].
