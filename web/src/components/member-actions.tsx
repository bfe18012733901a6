import { createSignal, For, Match, Show, Switch, type JSX } from 'solid-js';
import { ROLES, type Member, type Role } from '../../../src/shared/model';
import { mayActOn, mayChangeRole } from '../../../src/shared/permissions';
import { endpoints } from '../api/endpoints';
import { createAction } from '../lib/action';
import { dismissOnOutside } from '../lib/dismiss';
import { placeMenu } from '../lib/place-menu';
import { ROLE_LABEL } from '../lib/profile';
import { useConversations } from '../stores/conversations';
import { useMembers } from '../stores/members';
import { BanDialog } from './dialogs/ban-dialog';
import { ConfirmDialog } from './dialogs/confirm-dialog';
import { TimeoutDialog } from './dialogs/timeout-dialog';
import { ChevronDownIcon, MoreIcon } from './icons';

type Step = 'timeout' | 'remove' | 'ban';

const isTimedOut = (member: Member) => member.timedOutUntil !== null && member.timedOutUntil > Date.now();

/** What the caller may do to `member`, from the shared permission table (the server decides anyway). */
export function memberPowers(myRole: Role, myId: string, member: Member) {
  const other = member.userId !== myId;
  return {
    roles: other ? ROLES.filter((r) => r !== member.role && mayChangeRole(myRole, member.role, r)) : [],
    timeout: other && mayActOn(myRole, 'timeoutMember', member.role),
    remove: other && mayActOn(myRole, 'removeMember', member.role),
    ban: other && mayActOn(myRole, 'banMember', member.role),
  };
}

/**
 * A member's moderation menu: change role, time out or clear it, remove, ban.
 * Shows only what the caller may do; renders nothing when that is nothing.
 * Used by the members dialog (`icon`) and the user card (`button`).
 */
export function MemberActions(props: { member: Member; variant?: 'icon' | 'button'; workspaceName?: string; onDone?: () => void }): JSX.Element {
  const conversations = useConversations();
  const members = useMembers();
  const [open, setOpen] = createSignal(false);
  const [step, setStep] = createSignal<Step | null>(null);
  let root: HTMLDivElement | undefined;
  let trigger!: HTMLButtonElement;
  dismissOnOutside(() => root, () => setOpen(false));

  const powers = () => (conversations ? memberPowers(conversations.myRole(), conversations.myId, props.member) : null);
  const any = () => {
    const p = powers();
    return !!p && (p.roles.length > 0 || p.timeout || p.remove || p.ban);
  };
  const workspaceId = () => conversations!.workspaceId;
  const name = () => props.member.displayName;

  const finish = (member?: Member) => {
    if (member) members.apply(member);
    props.onDone?.();
  };
  const act = createAction(async (work: () => Promise<Member | undefined>) => finish(await work()));
  const choose = (next: Step | (() => Promise<Member | undefined>)) => {
    setOpen(false);
    if (typeof next === 'string') setStep(next);
    else void act.run(next);
  };

  return (
    <Show when={any()}>
      <div class="member-actions" ref={root}>
        <Show
          when={props.variant === 'button'}
          fallback={
            <button
              ref={trigger}
              class="icon-button"
              type="button"
              title="Manage member"
              aria-label={`Manage ${name()}`}
              aria-haspopup="menu"
              aria-expanded={open()}
              data-testid="member-actions"
              onClick={() => setOpen(!open())}
            >
              <MoreIcon size={18} />
            </button>
          }
        >
          <button ref={trigger} class="button" type="button" aria-label={`Manage ${name()}`} aria-haspopup="menu" aria-expanded={open()} data-testid="member-actions" onClick={() => setOpen(!open())}>
            Manage <ChevronDownIcon size={14} />
          </button>
        </Show>
        <Show when={open()}>
          <div class="menu member-actions-menu" role="menu" aria-label={`Manage ${name()}`} ref={(menu) => queueMicrotask(() => placeMenu(menu, trigger))}>
            <Show when={powers()!.roles.length > 0}>
              <div class="menu-label">Role: {ROLE_LABEL[props.member.role]}</div>
              <For each={powers()!.roles}>
                {(role) => (
                  <button
                    class="menu-item"
                    role="menuitem"
                    type="button"
                    onClick={() => choose(async () => (await endpoints.changeRole(workspaceId(), props.member.userId, { role })).member)}
                  >
                    Make {ROLE_LABEL[role].toLowerCase()}
                  </button>
                )}
              </For>
              <hr />
            </Show>
            <Show when={powers()!.timeout}>
              <Show
                when={isTimedOut(props.member)}
                fallback={
                  <button class="menu-item" role="menuitem" type="button" onClick={() => choose('timeout')}>
                    Time out…
                  </button>
                }
              >
                <button
                  class="menu-item"
                  role="menuitem"
                  type="button"
                  onClick={() => choose(async () => (await endpoints.clearTimeout(workspaceId(), props.member.userId)).member)}
                >
                  Clear timeout
                </button>
              </Show>
            </Show>
            <Show when={powers()!.remove}>
              <button class="menu-item danger" role="menuitem" type="button" onClick={() => choose('remove')}>
                Remove from workspace…
              </button>
            </Show>
            <Show when={powers()!.ban}>
              <button class="menu-item danger" role="menuitem" type="button" onClick={() => choose('ban')}>
                Ban…
              </button>
            </Show>
          </div>
        </Show>
        <Show when={act.error()}>
          <p class="form-error member-actions-error" role="alert">
            {act.error()}
          </p>
        </Show>
        <Switch>
          <Match when={step() === 'timeout'}>
            <TimeoutDialog workspaceId={workspaceId()} member={props.member} onDone={finish} onClose={() => setStep(null)} />
          </Match>
          <Match when={step() === 'remove'}>
            <ConfirmDialog
              title={`Remove ${name()}?`}
              confirmLabel="Remove"
              danger
              testId="remove-member-dialog"
              onConfirm={async () => {
                await endpoints.removeMember(workspaceId(), props.member.userId);
                members.remove(props.member.userId);
                props.onDone?.();
              }}
              onClose={() => setStep(null)}
            >
              <p class="hint">
                <strong>@{props.member.username}</strong> leaves {props.workspaceName ?? 'the workspace'} at once and their open windows close. They can
                come back with a new invite; to keep them out, ban them instead.
              </p>
            </ConfirmDialog>
          </Match>
          <Match when={step() === 'ban'}>
            <BanDialog
              workspaceId={workspaceId()}
              workspaceName={props.workspaceName}
              member={props.member}
              onDone={() => {
                members.remove(props.member.userId);
                props.onDone?.();
              }}
              onClose={() => setStep(null)}
            />
          </Match>
        </Switch>
      </div>
    </Show>
  );
}
