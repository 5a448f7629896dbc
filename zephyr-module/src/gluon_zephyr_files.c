/* The files group over Zephyr's file system API: Erlang's file module
 * on whatever the application has mounted (CONFIG_GLUON_FILES). */

#include <string.h>
#include <zephyr/fs/fs.h>
#include <zephyr/kernel.h>

#include "gluon_zephyr_caps.h"

/* Open files: a handle is an index here. Only the VM thread calls the
 * hooks, so no lock. */
static struct fs_file_t open_files[CONFIG_GLUON_FILES_MAX_OPEN];
static bool in_use[CONFIG_GLUON_FILES_MAX_OPEN];

/* An Erlang name as a Zephyr path: relative names are taken from
 * CONFIG_GLUON_FILES_CWD. */
static int full_path(const char *path, char *out, size_t size)
{
	const char *cwd = CONFIG_GLUON_FILES_CWD;
	int n;

	if (path[0] == '/' || cwd[0] == '\0') {
		n = snprintk(out, size, "%s", path);
	} else {
		n = snprintk(out, size, "%s/%s", cwd, path);
	}
	return n < 0 || (size_t)n >= size ? -ENAMETOOLONG : 0;
}

#define WITH_PATH(var, path)                                                                       \
	char var[CONFIG_FILE_SYSTEM_MAX_FILE_NAME + 64];                                           \
	do {                                                                                       \
		int e_ = full_path(path, var, sizeof(var));                                        \
		if (e_ < 0) {                                                                      \
			return gluon_zephyr_status(e_);                                            \
		}                                                                                  \
	} while (0)

/* fs_stat, except on a mount point, which is a directory: Zephyr 3.7's
 * ext2 loops for ever on a stat of its root, and other file systems
 * answer an error there. */
static int stat_path(const char *path, struct fs_dirent *entry)
{
	const char *mnt;
	size_t len = strlen(path);

	while (len > 1 && path[len - 1] == '/') {
		len--;
	}
	for (int i = 0; fs_readmount(&i, &mnt) == 0;) {
		if (strlen(mnt) == len && strncmp(mnt, path, len) == 0) {
			entry->type = FS_DIR_ENTRY_DIR;
			entry->size = 0;
			return 0;
		}
	}
	return fs_stat(path, entry);
}

static struct fs_file_t *file_of(uint32_t h)
{
	return h < ARRAY_SIZE(open_files) && in_use[h] ? &open_files[h] : NULL;
}

static int32_t files_open(void *ctx, const char *path, gluon_open_mode mode, uint32_t *handle)
{
	static const fs_mode_t flags[] = {
		[GLUON_OPEN_READ] = FS_O_READ,
		[GLUON_OPEN_WRITE] = FS_O_WRITE | FS_O_CREATE | FS_O_TRUNC,
		[GLUON_OPEN_APPEND] = FS_O_WRITE | FS_O_CREATE | FS_O_APPEND,
		[GLUON_OPEN_READ_WRITE] = FS_O_RDWR | FS_O_CREATE,
	};
	struct fs_dirent entry;

	ARG_UNUSED(ctx);
	if ((unsigned int)mode >= ARRAY_SIZE(flags)) {
		return -GLUON_EINVAL;
	}
	WITH_PATH(p, path);
	/* Zephyr opens some directories as files; Erlang expects eisdir. */
	if (stat_path(p, &entry) == 0 && entry.type == FS_DIR_ENTRY_DIR) {
		return -GLUON_EISDIR;
	}
	for (uint32_t h = 0; h < ARRAY_SIZE(open_files); h++) {
		if (in_use[h]) {
			continue;
		}
		fs_file_t_init(&open_files[h]);
		int err = fs_open(&open_files[h], p, flags[mode]);

		if (err < 0) {
			return gluon_zephyr_status(err);
		}
		in_use[h] = true;
		*handle = h;
		return 0;
	}
	return -GLUON_EMFILE;
}

static intptr_t files_read(void *ctx, uint32_t h, uint8_t *buf, size_t len)
{
	struct fs_file_t *f = file_of(h);

	ARG_UNUSED(ctx);
	return f ? gluon_zephyr_status(fs_read(f, buf, len)) : -GLUON_EBADF;
}

static intptr_t files_write(void *ctx, uint32_t h, const uint8_t *data, size_t len)
{
	struct fs_file_t *f = file_of(h);

	ARG_UNUSED(ctx);
	return f ? gluon_zephyr_status(fs_write(f, data, len)) : -GLUON_EBADF;
}

static int32_t files_close(void *ctx, uint32_t h)
{
	struct fs_file_t *f = file_of(h);

	ARG_UNUSED(ctx);
	if (f == NULL) {
		return -GLUON_EBADF;
	}
	in_use[h] = false;
	return gluon_zephyr_status(fs_close(f));
}

static int32_t files_seek(void *ctx, uint32_t h, int64_t offset, gluon_whence whence,
			  uint64_t *position)
{
	static const int whences[] = {
		[GLUON_SEEK_SET] = FS_SEEK_SET,
		[GLUON_SEEK_CUR] = FS_SEEK_CUR,
		[GLUON_SEEK_END] = FS_SEEK_END,
	};
	struct fs_file_t *f = file_of(h);

	ARG_UNUSED(ctx);
	if (f == NULL) {
		return -GLUON_EBADF;
	}
	if ((unsigned int)whence >= ARRAY_SIZE(whences) || offset != (off_t)offset) {
		return -GLUON_EINVAL;
	}
	int err = fs_seek(f, (off_t)offset, whences[whence]);

	if (err < 0) {
		return gluon_zephyr_status(err);
	}
	off_t at = fs_tell(f);

	if (at < 0) {
		return gluon_zephyr_status((int)at);
	}
	*position = (uint64_t)at;
	return 0;
}

static int32_t files_list_dir(void *ctx, const char *path, gluon_dir_entry_fn each,
			      void *each_ctx)
{
	struct fs_dir_t dir;
	struct fs_dirent entry;
	int err;

	ARG_UNUSED(ctx);
	WITH_PATH(p, path);
	if (stat_path(p, &entry) == 0 && entry.type != FS_DIR_ENTRY_DIR) {
		return -GLUON_ENOTDIR;
	}
	fs_dir_t_init(&dir);
	err = fs_opendir(&dir, p);
	if (err < 0) {
		return gluon_zephyr_status(err);
	}
	while ((err = fs_readdir(&dir, &entry)) == 0 && entry.name[0] != '\0') {
		if (strcmp(entry.name, ".") != 0 && strcmp(entry.name, "..") != 0) {
			each(each_ctx, (const uint8_t *)entry.name, strlen(entry.name));
		}
	}
	(void)fs_closedir(&dir);
	return gluon_zephyr_status(err);
}

/* fs_unlink removes files and empty directories alike; Erlang tells
 * delete (files) from del_dir (directories). */
static int32_t unlink_kind(const char *path, bool dir)
{
	struct fs_dirent entry;
	int err;

	WITH_PATH(p, path);
	err = stat_path(p, &entry);
	if (err < 0) {
		return gluon_zephyr_status(err);
	}
	if (dir != (entry.type == FS_DIR_ENTRY_DIR)) {
		return dir ? -GLUON_ENOTDIR : -GLUON_EPERM;
	}
	return gluon_zephyr_status(fs_unlink(p));
}

static int32_t files_remove(void *ctx, const char *path)
{
	ARG_UNUSED(ctx);
	return unlink_kind(path, false);
}

static int32_t files_del_dir(void *ctx, const char *path)
{
	ARG_UNUSED(ctx);
	return unlink_kind(path, true);
}

static int32_t files_make_dir(void *ctx, const char *path)
{
	ARG_UNUSED(ctx);
	WITH_PATH(p, path);
	return gluon_zephyr_status(fs_mkdir(p));
}

static int32_t files_rename(void *ctx, const char *from, const char *to)
{
	ARG_UNUSED(ctx);
	WITH_PATH(a, from);
	WITH_PATH(b, to);
	return gluon_zephyr_status(fs_rename(a, b));
}

static int32_t files_info(void *ctx, const char *path, gluon_file_info *info)
{
	struct fs_dirent entry;
	int err;

	ARG_UNUSED(ctx);
	WITH_PATH(p, path);
	err = stat_path(p, &entry);
	if (err < 0) {
		return gluon_zephyr_status(err);
	}
	info->is_dir = entry.type == FS_DIR_ENTRY_DIR;
	info->size = info->is_dir ? 0 : entry.size;
	/* Zephyr's API has no modes or times. */
	info->mode = info->is_dir ? 040755 : 0100644;
	return 0;
}

const gluon_files gluon_zephyr_files = {
	.open = files_open,
	.read = files_read,
	.write = files_write,
	.close = files_close,
	.seek = files_seek,
	.list_dir = files_list_dir,
	.remove = files_remove,
	.make_dir = files_make_dir,
	.del_dir = files_del_dir,
	.rename = files_rename,
	.info = files_info,
};
