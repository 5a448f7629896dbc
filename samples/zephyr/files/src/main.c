/* Files: formats a RAM disk with ext2 and mounts it at /ram before the
 * Erlang program (src/files.erl) starts. Any file system Zephyr mounts
 * works the same way (FAT, littlefs...). */
#include <zephyr/fs/fs.h>
#include <zephyr/kernel.h>

#include "gluon_zephyr.h"

static struct fs_mount_t ram = {
	.type = FS_EXT2,
	.mnt_point = "/ram",
	.storage_dev = (void *)"RAM",
};

/* The VM thread calls this before starting Erlang. */
void gluon_zephyr_setup(gluon_vm *vm)
{
	ARG_UNUSED(vm);
	int err = fs_mkfs(FS_EXT2, (uintptr_t)"RAM", NULL, 0);

	if (err == 0) {
		err = fs_mount(&ram);
	}
	printk("files: ext2 on the RAM disk at /ram: %s (%d)\n", err == 0 ? "mounted" : "failed",
	       err);
}

int main(void)
{
	return 0;
}
