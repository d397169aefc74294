/** The scrolling frame the baselines draw in: Hashiya's article-frame class, at Hashiya's article width. */
export function articleFrame(width: number): HTMLElement {
  const frame = document.createElement('div');
  frame.className = 'article-frame';
  frame.style.width = `${width}px`;
  frame.style.height = '100vh';
  document.getElementById('root')!.append(frame);
  return frame;
}
