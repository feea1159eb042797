# Run by CPack after it installed into its staging folder and before it packs (CPACK_PRE_BUILD_SCRIPTS):
# every folder gets drwxr-xr-x, whatever the builder's umask made of the ones CPack created itself
# (usr/, usr/bin/, ...), which CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS does not reach.
# Only ever CPack's own staging folder (the variable is CPack's; an empty one would mean "/").
if(NOT IS_DIRECTORY "${CPACK_TEMPORARY_INSTALL_DIRECTORY}" OR NOT CPACK_TEMPORARY_INSTALL_DIRECTORY MATCHES "/_CPack_Packages/")
  message(FATAL_ERROR "fix-modes.cmake: not CPack's staging folder: '${CPACK_TEMPORARY_INSTALL_DIRECTORY}'")
endif()
# Folders only (files keep the modes their install() rules gave them), the staging folder included.
file(CHMOD_RECURSE "${CPACK_TEMPORARY_INSTALL_DIRECTORY}"
     DIRECTORY_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
