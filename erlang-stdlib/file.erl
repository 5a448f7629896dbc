%% Gluon's `file` module: files through the platform's file hooks
%% (natives in `gluon_file`). Open files are raw io-devices,
%% `{file_descriptor, gluon_file, {Handle, Binary}}`, owned by no process
%% (close them). A platform without a file system answers
%% `{error, enotsup}`; other errors are OTP's (`enoent`, `eisdir`, ...).
-module(file).
-export([read_file/1, write_file/2, write_file/3, open/2, close/1,
         read/2, write/2, position/2, read_line/1, pread/3, pwrite/3,
         list_dir/1, list_dir_all/1, delete/1, make_dir/1, del_dir/1,
         rename/2, read_file_info/1, read_file_info/2]).

-record(file_info, {size, type, access, atime, mtime, ctime, mode, links,
                    major_device, minor_device, inode, uid, gid}).

read_file(Name) -> gluon_file:read_file(Name).

write_file(Name, Data) -> write_file(Name, Data, []).
write_file(Name, Data, Modes) when is_list(Modes) ->
    gluon_file:write_file(Name, Data, lists:member(append, Modes));
write_file(_, _, _) -> {error, badarg}.

open(Name, Modes) when is_list(Modes) ->
    Read = lists:member(read, Modes),
    Write = lists:member(write, Modes),
    Mode = case lists:member(append, Modes) of
               true -> append;
               false when Read, Write -> read_write;
               false when Write -> write;
               false -> read
           end,
    Bin = lists:member(binary, Modes),
    case gluon_file:open(Name, Mode) of
        {ok, H} -> {ok, {file_descriptor, gluon_file, {H, Bin}}};
        Error -> Error
    end;
open(Name, Mode) when is_atom(Mode) -> open(Name, [Mode]);
open(_, _) -> {error, badarg}.

close({file_descriptor, gluon_file, {H, _}}) -> gluon_file:close(H);
close(_) -> {error, einval}.

read({file_descriptor, gluon_file, {H, Bin}}, N) when is_integer(N), N >= 0 ->
    case gluon_file:read(H, N) of
        {ok, Data} when not Bin -> {ok, binary_to_list(Data)};
        Other -> Other
    end;
read(_, _) -> {error, badarg}.

write({file_descriptor, gluon_file, {H, _}}, Data) -> gluon_file:write(H, Data);
write(_, _) -> {error, badarg}.

position({file_descriptor, gluon_file, {H, _}}, Loc) ->
    case Loc of
        N when is_integer(N) -> gluon_file:position(H, bof, N);
        bof -> gluon_file:position(H, bof, 0);
        cur -> gluon_file:position(H, cur, 0);
        eof -> gluon_file:position(H, eof, 0);
        {From, N} when From =:= bof; From =:= cur; From =:= eof ->
            gluon_file:position(H, From, N);
        _ -> {error, einval}
    end;
position(_, _) -> {error, badarg}.

pread(Fd, At, N) ->
    case position(Fd, At) of
        {ok, _} -> read(Fd, N);
        Error -> Error
    end.

pwrite(Fd, At, Data) ->
    case position(Fd, At) of
        {ok, _} -> write(Fd, Data);
        Error -> Error
    end.

%% One line, newline included; byte by byte (files here are small).
read_line({file_descriptor, gluon_file, {H, Bin}}) ->
    case read_line(H, []) of
        {ok, Line} when Bin -> {ok, list_to_binary(Line)};
        Other -> Other
    end;
read_line(_) -> {error, badarg}.

read_line(H, Acc) ->
    case gluon_file:read(H, 1) of
        {ok, <<$\n>>} -> {ok, lists:reverse([$\n | Acc])};
        {ok, <<C>>} -> read_line(H, [C | Acc]);
        eof when Acc =:= [] -> eof;
        eof -> {ok, lists:reverse(Acc)};
        Error -> Error
    end.

list_dir(Name) -> gluon_file:list_dir(Name).
list_dir_all(Name) -> gluon_file:list_dir(Name).
delete(Name) -> gluon_file:delete(Name).
make_dir(Name) -> gluon_file:make_dir(Name).
del_dir(Name) -> gluon_file:del_dir(Name).
rename(From, To) -> gluon_file:rename(From, To).

read_file_info(Name) -> read_file_info(Name, []).

%% Times are universal time (the platform has no time zone), or POSIX
%% seconds with `{time, posix}`.
read_file_info(Name, Opts) ->
    case gluon_file:info(Name) of
        {ok, {Size, Type, Access, Mode, Mtime}} ->
            T = case {Mtime, proplists:get_value(time, Opts, local)} of
                    {undefined, _} -> undefined;
                    {_, posix} -> Mtime;
                    _ -> datetime(Mtime)
                end,
            {ok, #file_info{size = Size, type = Type, access = Access,
                            atime = T, mtime = T, ctime = T, mode = Mode,
                            links = 1, major_device = 0, minor_device = 0,
                            inode = 0, uid = 0, gid = 0}};
        Error -> Error
    end.

%% Seconds since 1970 as {{Y, M, D}, {H, Mi, S}} (the proleptic
%% Gregorian calendar, by days since the epoch).
datetime(Secs) ->
    Days = Secs div 86400,
    Rem = Secs rem 86400,
    {date_of(Days), {Rem div 3600, Rem rem 3600 div 60, Rem rem 60}}.

date_of(Days) ->
    Z = Days + 719468,
    Era = Z div 146097,
    Doe = Z - Era * 146097,
    Yoe = (Doe - Doe div 1460 + Doe div 36524 - Doe div 146096) div 365,
    Doy = Doe - (365 * Yoe + Yoe div 4 - Yoe div 100),
    Mp = (5 * Doy + 2) div 153,
    D = Doy - (153 * Mp + 2) div 5 + 1,
    M = if Mp < 10 -> Mp + 3; true -> Mp - 9 end,
    Y = Yoe + Era * 400 + (if M =< 2 -> 1; true -> 0 end),
    {Y, M, D}.
