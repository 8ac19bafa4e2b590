import MarkdownIt from 'markdown-it';
import { useMemo } from 'react';

// Raw HTML off: user and pack text can never inject markup; markdown-it also refuses javascript: links.
const md = new MarkdownIt({ html: false, linkify: true, typographer: false });
const defaultLink = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  tokens[idx]?.attrSet('rel', 'noopener noreferrer');
  tokens[idx]?.attrSet('target', '_blank');
  return defaultLink(tokens, idx, options, env, self);
};

export default function Markdown({ text, className }: { text: string; className?: string }) {
  const html = useMemo(() => md.render(text), [text]);
  return <div className={className ?? 'markdown'} dangerouslySetInnerHTML={{ __html: html }} />;
}
