#!/usr/bin/env escript
%% Compiles the library modules an application needs, each with only the
%% functions it needs (gluon_pack.py --prune runs this).
%%
%%   escript gluon_prune.escript OUT_DIR NEEDS_FILE SOURCE... -- ERLC_OPTION...
%%
%% NEEDS_FILE holds Erlang terms, one per line ending in a dot:
%% {M, F, A} (a function the application calls), {whole, M} (a module to
%% keep whole: reached dynamically) and {native, M, F, A} (implemented by
%% the VM: calls to it need no code). From these the needed functions are
%% followed through the sources: local calls, remote calls with literal
%% module and function names, and `fun F/A` / `fun M:F/A` references,
%% across modules, to a fixed point. Each module with a needed function
%% is compiled from its source with the other functions left out (and
%% exports narrowed to the needed ones) into OUT_DIR. A function reached
%% only through apply/3 or a computed module name is not seen: name its
%% module whole.
-mode(compile).

main(Args) ->
    {[Out, NeedsFile | Sources], Opts} = split(Args, []),
    {ok, Terms} = file:consult(NeedsFile),
    Natives = sets:from_list([{M, F, A} || {native, M, F, A} <- Terms]),
    Mods = maps:from_list([parse(S) || S <- Sources]),
    Whole = [M || {whole, M} <- Terms, maps:is_key(M, Mods)],
    Roots = [{M, F, A} || {M, F, A} <- Terms, is_atom(M)]
        ++ [{M, F, A} || M <- Whole, {F, A} <- exports(maps:get(M, Mods))],
    Needed = close(Roots, Mods, Natives, sets:new()),
    ok = filelib:ensure_dir(filename:join(Out, "x")),
    maps:foreach(
        fun(M, Forms) ->
            Keep = sets:from_list([{F, A} || {M1, F, A} <- sets:to_list(Needed), M1 =:= M]),
            case sets:size(Keep) of
                0 -> ok;
                _ -> compile_pruned(M, Forms, Keep, Out, Opts)
            end
        end,
        Mods).

split(["--" | Opts], Acc) -> {lists:reverse(Acc), [list_to_atom(strip(O)) || O <- Opts]};
split([A | T], Acc) -> split(T, [A | Acc]);
split([], Acc) -> {lists:reverse(Acc), []}.

%% "+no_line_info" -> no_line_info, as erlc takes it.
strip([$+ | O]) -> O;
strip(O) -> O.

parse(Source) ->
    {ok, Forms} = epp:parse_file(Source, []),
    [M] = [M || {attribute, _, module, M} <- Forms],
    {M, Forms}.

exports(Forms) ->
    lists:append([Fs || {attribute, _, export, Fs} <- Forms]).

functions(Forms) ->
    maps:from_list([{{F, A}, Clauses} || {function, _, F, A, Clauses} <- Forms]).

%% The needed functions: the roots and everything they reach.
close([], _, _, Seen) ->
    Seen;
close([{M, F, A} = MFA | Rest], Mods, Natives, Seen) ->
    case sets:is_element(MFA, Seen) orelse sets:is_element(MFA, Natives) of
        true ->
            close(Rest, Mods, Natives, Seen);
        false ->
            case maps:find(M, Mods) of
                {ok, Forms} ->
                    Fns = functions(Forms),
                    case maps:find({F, A}, Fns) of
                        {ok, Clauses} ->
                            Calls = reached(M, Clauses, Fns),
                            close(Calls ++ Rest, Mods, Natives, sets:add_element(MFA, Seen));
                        error ->
                            close(Rest, Mods, Natives, Seen)
                    end;
                error ->
                    close(Rest, Mods, Natives, Seen)
            end
    end.

%% The functions a function body names: local calls (to functions of the
%% module; others are auto-imported BIFs), remote calls and fun
%% references with literal names.
reached(M, Clauses, Fns) ->
    walk(Clauses, M, Fns, []).

walk({call, _, {atom, _, F}, Args}, M, Fns, Acc) ->
    A = length(Args),
    Acc1 = case maps:is_key({F, A}, Fns) of
               true -> [{M, F, A} | Acc];
               false -> Acc
           end,
    walk(Args, M, Fns, Acc1);
walk({call, _, {remote, _, {atom, _, M2}, {atom, _, F}}, Args}, M, Fns, Acc) ->
    walk(Args, M, Fns, [{M2, F, length(Args)} | Acc]);
walk({'fun', _, {function, F, A}}, M, _, Acc) when is_atom(F) ->
    [{M, F, A} | Acc];
walk({'fun', _, {function, {atom, _, M2}, {atom, _, F}, {integer, _, A}}}, _, _, Acc) ->
    [{M2, F, A} | Acc];
walk(T, M, Fns, Acc) when is_tuple(T) ->
    walk(tuple_to_list(T), M, Fns, Acc);
walk([H | T], M, Fns, Acc) ->
    walk(T, M, Fns, walk(H, M, Fns, Acc));
walk(_, _, _, Acc) ->
    Acc.

compile_pruned(M, Forms, Keep, Out, Opts) ->
    Pruned = lists:filtermap(
        fun({attribute, L, export, Fs}) ->
                {true, {attribute, L, export, [FA || FA <- Fs, sets:is_element(FA, Keep)]}};
           ({function, _, F, A, _}) ->
                sets:is_element({F, A}, Keep);
           (_) ->
                true
        end,
        Forms),
    case compile:forms(Pruned, [binary, return_errors, nowarn_unused_function | Opts]) of
        {ok, M, Bin} ->
            ok = file:write_file(filename:join(Out, atom_to_list(M) ++ ".beam"), Bin);
        {ok, M, Bin, _Warnings} ->
            ok = file:write_file(filename:join(Out, atom_to_list(M) ++ ".beam"), Bin);
        {error, Errors, _} ->
            io:format(standard_error, "gluon_prune: ~p: ~p~n", [M, Errors]),
            halt(1)
    end.
