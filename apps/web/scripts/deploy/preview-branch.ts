import type { NeonApi, NeonBranch } from './neon-api.ts';

export interface PreviewBranch {
  branch: NeonBranch;
  /** What this deploy did to it. */
  action: 'created' | 'reset' | 'replaced';
  /** For migrations and the seed. */
  direct: string;
  /** For the Worker (Neon's pooler). */
  pooled: string;
}

/**
 * The pull request's Neon branch, as a fresh copy of the preview parent on
 * every push: created from the parent on the first push, reset to the
 * parent's head on the next ones (so a migration edited or regenerated in the
 * pull request is applied to the schema it was written against), replaced if
 * it was made from another parent. Refuses the project's default branch as the
 * parent: previews never copy production.
 */
export async function preparePreviewBranch(
  neon: NeonApi,
  wanted: { name: string; parentName: string; database: string; role: string },
  log: (line: string) => void,
): Promise<PreviewBranch> {
  const parent = await neon.findBranch(wanted.parentName);
  if (!parent) {
    throw new Error(`Neon branch '${wanted.parentName}' (NEON_PREVIEW_PARENT_BRANCH) not found.`);
  }
  if (parent.default) {
    throw new Error(
      "NEON_PREVIEW_PARENT_BRANCH is the project's default (production) branch: previews branch from a seeded non-production branch.",
    );
  }
  let branch = await neon.findBranch(wanted.name);
  let action: PreviewBranch['action'];
  if (branch && branch.parent_id !== parent.id) {
    await neon.deleteBranch(branch.id);
    log(`Deleted ${wanted.name}: it was not a branch of ${wanted.parentName}.`);
    branch = await neon.createBranch(wanted.name, parent.id);
    action = 'replaced';
  } else if (branch) {
    await neon.resetToParent(branch);
    action = 'reset';
  } else {
    branch = await neon.createBranch(wanted.name, parent.id);
    action = 'created';
  }
  log(`Neon branch ${wanted.name}: ${action} from ${wanted.parentName}.`);
  const uri = (pooled: boolean) =>
    neon.connectionUri({
      branchId: branch.id,
      database: wanted.database,
      role: wanted.role,
      pooled,
    });
  return { branch, action, direct: await uri(false), pooled: await uri(true) };
}

/** Deletes the branch if it exists; answers whether there was one. */
export async function removePreviewBranch(
  neon: NeonApi,
  name: string,
  log: (line: string) => void,
): Promise<boolean> {
  const branch = await neon.findBranch(name);
  if (!branch) {
    log(`No Neon branch ${name} to delete.`);
    return false;
  }
  await neon.deleteBranch(branch.id);
  log(`Deleted the Neon branch ${name} (${branch.id}).`);
  return true;
}
