export function Brand(props: { name?: string }) {
  return (
    <div class="brand">
      <img src="/favicon.svg" alt="" width="36" height="36" />
      <span>{props.name ?? 'Hearth'}</span>
    </div>
  );
}
